import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';

/** What every module's routes receive when registered. */
export interface ModuleOptions {
  db: Db;
  config: Config;
}
