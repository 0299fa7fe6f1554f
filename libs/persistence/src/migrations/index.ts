import { Init1764201600000 } from './1764201600000-init';
import { Deadlines1764288000000 } from './1764288000000-deadlines';

/** Every migration, in order. Listed explicitly so that builds need no glob at run time. */
export const MIGRATIONS = [Init1764201600000, Deadlines1764288000000];
