/**
 * XML laid out for reading (`webex-mock reproduce`): fast-xml-parser in document order, rebuilt with indentation.
 * Display only — the wire keeps the engine's one-line bytes. Text that is not well-formed is shown as it is (the parser alone would quietly repair it).
 */
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';

const shared = { preserveOrder: true, ignoreAttributes: false, commentPropName: '#comment', cdataPropName: '#cdata', processEntities: false } as const;
const parser = new XMLParser({ ...shared, trimValues: true, parseTagValue: false, parseAttributeValue: false, ignoreDeclaration: false });
const builder = new XMLBuilder({ ...shared, format: true, indentBy: '  ', suppressEmptyNode: false });

export function prettyXml(xml: string): string {
  if (XMLValidator.validate(xml) !== true) return xml.trim();
  try {
    const text = String(builder.build(parser.parse(xml))).trim();
    return text.length > 0 ? text : xml.trim();
  } catch {
    return xml.trim();
  }
}
