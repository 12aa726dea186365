import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AttackCatalog, parseAttackData } from '../core/security/attack';

/** MITRE ATT&CK Enterprise, shipped beside the bundle (data/attack/, with its licence), read on first use. */
let loading: Promise<AttackCatalog> | undefined;

export function loadAttackCatalog(): Promise<AttackCatalog> {
  loading ??= readFile(join(__dirname, '..', 'data', 'attack', 'enterprise-attack.json'), 'utf8').then((text) => new AttackCatalog(parseAttackData(JSON.parse(text))));
  return loading;
}
