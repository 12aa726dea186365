import { diagnostic, type Diagnostic } from '../../diagnostics';
import { defangValue, isNetworkIndicator, isPrivateAddress, scanIndicators, type Indicator } from '../../security/indicators';
import type { Range } from '../../types';
import type { RuleContext } from '../context';

const TYPE_NAMES: Readonly<Record<Indicator['type'], string>> = {
  ipv4: 'IPv4 address',
  ipv6: 'IPv6 address',
  domain: 'domain',
  url: 'URL',
  email: 'e-mail address',
  md5: 'MD5 hash',
  sha1: 'SHA-1 hash',
  sha256: 'SHA-256 hash',
  cve: 'CVE ID',
};

/**
 * The indicators of the sections whose role is `indicators`: live network indicators (clickable, and auto-linked by
 * Markdown renderers) to defang, malformed ones, and private addresses no one else can match.
 */
export function checkIndicators(context: RuleContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const range of indicatorSectionRanges(context)) {
    const scan = scanIndicators(context.report.text.slice(range.start, range.end));
    const at = (local: Range): Range => ({ start: range.start + local.start, end: range.start + local.end });
    for (const indicator of scan.indicators) {
      const where = at(indicator.range);
      const { type, value } = indicator;
      if (!indicator.defanged && isNetworkIndicator(type)) {
        const defanged = defangValue(value, type, context.defangStyle);
        const fix = { title: `Defang as ${defanged}`, edits: [{ ...where, newText: defanged }], isPreferred: true };
        found.push(diagnostic('ioc.live', where, `Live ${TYPE_NAMES[type]} ${value}: defang it (${defanged}) so that no one opens it by accident`, [fix]));
      }
      if ((type === 'ipv4' || type === 'ipv6') && isPrivateAddress(value)) {
        found.push(diagnostic('ioc.private-address', where, `${value} is a private, loopback or link-local address: no one outside the network can match it`));
      }
    }
    for (const malformed of scan.malformed) found.push(diagnostic('ioc.malformed', at(malformed.range), malformed.message));
  }
  return found;
}

/** Where the indicators sections stand (each with its subsections), once each, duplicates included. */
function indicatorSectionRanges(context: RuleContext): Range[] {
  const ranges = context.match.all.filter((m) => m.template.role === 'indicators').flatMap((m) => (m.section ? [m.section, ...m.duplicates] : []).map((section) => section.range));
  // A nested indicators section lies inside another one's range: scan the outer one only.
  return ranges.filter((range) => !ranges.some((other) => other !== range && other.start <= range.start && range.end <= other.end));
}
