import { AttackCatalog, parseAttackData } from '../../src/core/security/attack';
import { readProjectFile } from './helpers';

/** The project's ATT&CK data, loaded as the CLI and the extension load it: read, parsed, checked, passed in. */
export const ATTACK_DATA = parseAttackData(JSON.parse(readProjectFile('data', 'attack', 'enterprise-attack.json')));
export const CATALOG = new AttackCatalog(ATTACK_DATA);
