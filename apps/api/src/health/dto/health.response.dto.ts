import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const DEPENDENCY = ['up', 'down', 'not-configured'];

export class DependencyStatusDto {
  @ApiProperty({ enum: DEPENDENCY, description: 'up / down / not-configured (Redis unset: embedded mode)' })
  readonly status: string;
}

export class DatabaseHealthDto extends DependencyStatusDto {
  @ApiProperty({ type: String, example: 'better-sqlite3', description: 'better-sqlite3 or postgres' })
  readonly type: string;

  @ApiPropertyOptional({ type: String, description: 'why it is down' })
  readonly error?: string;
}

export class RedisHealthDto extends DependencyStatusDto {
  @ApiPropertyOptional({ type: String, description: 'why it is down' })
  readonly error?: string;
}

export class HealthResponseDto {
  @ApiProperty({ enum: ['ok', 'degraded', 'down'], description: 'ok; degraded: Redis down (cases safe, reminders wait); down: the database is down (503)' })
  readonly status: string;

  @ApiProperty({ type: Boolean, description: 'false from the moment a shutdown begins, or while the database is down' })
  readonly ready: boolean;

  @ApiProperty({ type: Boolean, description: 'a shutdown has begun (SIGTERM)' })
  readonly draining: boolean;

  @ApiProperty({ type: () => DatabaseHealthDto })
  readonly database: DatabaseHealthDto;

  @ApiProperty({ type: () => RedisHealthDto })
  readonly redis: RedisHealthDto;

  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/DependencyStatusDto' }, description: 'the dependencies that are up (terminus form)' })
  readonly info: Record<string, DependencyStatusDto>;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the dependencies that are down, with a message (terminus form)' })
  readonly error: Record<string, unknown>;

  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/DependencyStatusDto' }, description: 'every dependency (terminus form)' })
  readonly details: Record<string, DependencyStatusDto>;
}

export class LivenessResponseDto {
  @ApiProperty({ enum: ['alive'] })
  readonly status: string;
}
