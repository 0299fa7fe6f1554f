import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'org_units' })
export class OrgUnitEntity {
  /** short stable code, e.g. 'sfs' (司法所) */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ name: 'name_zh', type: 'varchar', length: 200 })
  nameZh: string;

  @Column({ name: 'name_en', type: 'varchar', length: 200 })
  nameEn: string;

  /** an inactive unit takes no new users and is named by no new event; its cases stay as they are */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'deactivated_at', type: 'varchar', length: 32, nullable: true })
  deactivatedAt: string | null;

  /** the names it had before each rename, oldest first: JSON `OrgUnitFormerName[]` */
  @Column({ name: 'former_names', type: 'text', default: '[]' })
  formerNames: string;
}

/** A name an org unit had until a rename. */
export interface OrgUnitFormerName {
  nameZh: string;
  nameEn: string;
  /** the instant of the rename that ended it (ISO 8601) */
  until: string;
  /** the administrator who renamed it (user id) */
  renamedBy: string;
}
