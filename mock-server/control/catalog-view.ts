/** The catalog as JSON for UIs (GET /_mock/catalog): built once, it never changes while the process runs. */
import {
  ATTRIBUTES, EXCEPTIONS, FEATURES, KNOWN_SESSION_TYPES, LANGUAGES, LISTS, OPERATIONS, TIME_ZONES,
} from '../catalog';

let cached: unknown;

export function catalogView(): unknown {
  cached ??= {
    attributes: ATTRIBUTES.map((l) => ({
      name: l.def.attribute,
      path: l.path,
      group: l.group,
      type: l.def.type,
      enumValues: l.def.enumValues,
      maxLength: l.def.maxLength,
      min: l.def.min,
      max: l.def.max,
      default: l.def.default,
      access: l.def.access,
      feature: l.def.feature,
      derived: l.def.derived ?? false,
      list: l.list?.path,
      confidence: l.def.confidence,
      note: l.def.note,
    })),
    lists: LISTS.filter((l) => l.slot >= 0).map((l) => ({ path: l.path, maxItems: l.def.maxItems, key: l.def.key, feature: l.def.feature })),
    features: FEATURES.map((f) => ({ key: f.key, label: f.label, getSitePath: f.getSitePath.join('/') })),
    exceptions: Object.values(EXCEPTIONS).map((e) => ({ key: e.key, id: e.id, reason: e.reason, when: e.when, confidence: e.confidence })),
    operations: OPERATIONS.map((o) => ({ name: o.name, service: o.service, javaName: o.javaName, qname: o.qname, responseType: o.responseType, admin: o.admin, writes: o.writes })),
    sessionTypes: KNOWN_SESSION_TYPES,
    timeZones: TIME_ZONES.map((name, id) => ({ id, name })),
    languages: LANGUAGES.map((name, i) => ({ id: i + 1, name })),
  };
  return cached;
}
