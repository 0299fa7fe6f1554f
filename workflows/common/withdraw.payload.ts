/**
 * The payload of WITHDRAW, the same in every matter workflow: the reason the case is withdrawn
 * (or an amendment or change abandoned). Each workflow re-exports it. Pure decorators: no I/O, no clock.
 */
import 'reflect-metadata';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { LONG_TEXT } from './payload-validators';

export class WithdrawPayload {
  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  reason: string;
}
