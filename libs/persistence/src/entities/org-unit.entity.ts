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
}
