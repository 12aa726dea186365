// A report's techniques as an ATT&CK Navigator layer, Layer File Format 4.5
// (mitre-attack/attack-navigator, layers/spec/v4.5/layerformat.md), to open in the Navigator and compare incidents.
import type { AttackCatalog } from '../security/attack';

/** The layer format version this module writes, and the Navigator version its specification names with ATT&CK 18. */
const LAYER_FORMAT_VERSION = '4.5';
const NAVIGATOR_VERSION = '5.2.0';
const USED_COLOR = '#e8684a';

interface NavigatorReference {
  /** A technique or sub-technique ID the catalog knows; others (unknown, revoked) are left out of the layer. */
  readonly id: string;
  /** 1-based line of the report it is cited on. */
  readonly line: number;
  /** Shortname of the tactic it is listed under, if the report says (e.g. under a "Lateral Movement" field). */
  readonly tactic: string | null;
}

export interface NavigatorLayerInput {
  /** The layer's name: the report's title. */
  readonly name: string;
  readonly description?: string | null;
  /** The report's file, named in each technique's comment. */
  readonly file?: string | null;
  readonly references: readonly NavigatorReference[];
}

interface NavigatorTechnique {
  readonly techniqueID: string;
  readonly tactic?: string;
  readonly comment: string;
  readonly score: number;
  readonly color: string;
  readonly enabled: true;
}

export interface NavigatorLayer {
  readonly name: string;
  readonly versions: { readonly attack: string; readonly navigator: string; readonly layer: string };
  readonly domain: 'enterprise-attack';
  readonly description: string;
  readonly sorting: 0;
  readonly layout: { readonly layout: 'side'; readonly showID: true; readonly showName: true; readonly expandedSubtechniques: 'annotated' };
  readonly hideDisabled: false;
  readonly techniques: readonly NavigatorTechnique[];
  readonly legendItems: readonly { readonly label: string; readonly color: string }[];
}

/**
 * One layer entry per technique and tactic it is listed under: `tactic` is set when the report lists the technique
 * under one of its own tactics (else the annotation shows under all of them). The comment says where the report
 * cites it; the score is the number of citations. Entries follow the kill chain.
 */
export function navigatorLayer(catalog: AttackCatalog, input: NavigatorLayerInput): NavigatorLayer {
  const groups = new Map<string, { id: string; tactic: string | null; lines: number[] }>();
  for (const { id, line, tactic } of input.references) {
    const technique = catalog.technique(id);
    if (!technique || technique.revoked) continue;
    const ownTactic = tactic !== null && technique.tactics.includes(tactic) ? tactic : null;
    const key = `${id} ${ownTactic ?? ''}`;
    const group = groups.get(key) ?? { id, tactic: ownTactic, lines: [] };
    if (!group.lines.includes(line)) group.lines.push(line);
    groups.set(key, group);
  }
  const order = catalog.inKillChainOrder([...new Set([...groups.values()].map((g) => g.id))]);
  const where = input.file ? ` of ${input.file}` : '';
  // A technique's entry under all its tactics comes after those under one.
  const tacticRank = (tactic: string | null) => (tactic === null ? catalog.tactics.length : catalog.killChainIndex(tactic));
  const techniques = [...groups.values()]
    .sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id) || tacticRank(a.tactic) - tacticRank(b.tactic))
    .map(({ id, tactic, lines }) => {
      const sorted = [...lines].sort((a, b) => a - b);
      return {
        techniqueID: id,
        ...(tactic !== null && { tactic }),
        comment: `Cited on line${sorted.length > 1 ? 's' : ''} ${sorted.join(', ')}${where}.`,
        score: sorted.length,
        color: USED_COLOR,
        enabled: true as const,
      };
    });
  return {
    name: input.name,
    versions: { attack: catalog.majorVersion, navigator: NAVIGATOR_VERSION, layer: LAYER_FORMAT_VERSION },
    domain: 'enterprise-attack',
    description: input.description ?? '',
    sorting: 0,
    layout: { layout: 'side', showID: true, showName: true, expandedSubtechniques: 'annotated' },
    hideDisabled: false,
    techniques,
    legendItems: [{ label: 'Used in this incident', color: USED_COLOR }],
  };
}
