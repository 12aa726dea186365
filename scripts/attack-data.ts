// Writes data/attack/ from ../shared/attack/ (`npm run attack-data`): the compact ATT&CK data the product loads, and
// MITRE's license beside it. Prints the data's size, raw and gzipped.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { deriveAttackData, serializeAttackData } from './deriveAttackData';

const shared = join('..', 'shared', 'attack');
const target = join('data', 'attack');
mkdirSync(target, { recursive: true });
const text = serializeAttackData(deriveAttackData(JSON.parse(readFileSync(join(shared, 'enterprise-attack.json'), 'utf8'))));
writeFileSync(join(target, 'enterprise-attack.json'), text);
copyFileSync(join(shared, 'LICENSE.txt'), join(target, 'LICENSE.txt'));
const bytes = Buffer.byteLength(text);
console.log(`${join(target, 'enterprise-attack.json')}: ${bytes} bytes, ${gzipSync(text).length} gzipped`);
