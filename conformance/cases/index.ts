/** The whole suite, in report order, and the filters of --only / --case. */
import { answerCases, answerErrorCases } from './answers';
import { attributeCases } from './attributes';
import { credentialCases } from './credentials';
import { errorCases } from './errors';
import { featureCases } from './features';
import { generatedCases } from './generated';
import { lifecycleCases } from './lifecycle';
import { localCheckCases } from './local-checks';
import { oauthCases } from './oauth';
import { personalUrlCases } from './personal-url';
import { readingCases } from './reading';
import { retryAndRefreshCases } from './retry-and-refresh';
import { reasonCases } from './reasons';
import { schemaCases } from './schema';
import { siteKindCases } from './site-kinds';
import { spellingCases } from './spellings';
import { structureCases } from './structure';
import { timeCases } from './time';
import { transportCases } from './transport';
import { writeCases } from './writes';
import { GROUPS, type CaseDef, type Group } from './types';

export function allCases(): CaseDef[] {
  return [...lifecycleCases(), ...attributeCases(), ...featureCases(), ...personalUrlCases(), ...errorCases(), ...siteKindCases(), ...oauthCases(), ...generatedCases(), ...credentialCases(), ...timeCases(), ...structureCases(), ...writeCases(), ...localCheckCases(), ...readingCases(), ...transportCases(), ...reasonCases(), ...schemaCases(), ...spellingCases(), ...answerCases(), ...answerErrorCases(), ...retryAndRefreshCases()];
}

export interface CaseFilter {
  groups?: Group[];
  /** Case ids; `*` matches any run of characters (privilege*.update). */
  ids?: string[];
}

export function selectCases(cases: CaseDef[], filter: CaseFilter): CaseDef[] {
  const patterns = filter.ids?.map((id) => new RegExp(`^${id.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`));
  return cases.filter((c) => (!filter.groups?.length || filter.groups.includes(c.group)) && (!patterns?.length || patterns.some((p) => p.test(c.id))));
}

export function parseGroups(text: string): Group[] {
  const groups = text.split(',').map((g) => g.trim()).filter(Boolean);
  for (const g of groups) if (!(GROUPS as readonly string[]).includes(g)) throw new Error(`unknown group "${g}" (groups: ${GROUPS.join(', ')})`);
  return groups as Group[];
}

export { GROUPS, type CaseDef, type Group };
