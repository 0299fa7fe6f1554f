import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A public key that signed checkpoints, kept so that old checkpoints stay verifiable after a key change. Append-only. */
@Entity({ name: 'signing_keys' })
export class SigningKeyEntity {
  @PrimaryColumn({ name: 'key_id', type: 'varchar', length: 32 })
  keyId: string;

  @Column({ type: 'varchar', length: 16 })
  algorithm: string;

  /** base64 SPKI DER */
  @Column({ type: 'text' })
  spki: string;

  @Column({ name: 'created_at', type: 'varchar', length: 32 })
  createdAt: string;
}
