/** common.xsd languageType, in schema order: languageID = position + 1 (ENGLISH 1, GERMAN 9, as real captures show). */
export const LANGUAGES: readonly string[] = [
  'ENGLISH', 'INTERNATIONAL ENGLISH', 'SIMPLIFIED CHINESE', 'TRADITIONAL CHINESE', 'JAPANESE', 'KOREAN', 'FRENCH',
  'CANADIAN FRENCH', 'GERMAN', 'ITALIAN', 'CASTILIAN SPANISH', 'LATIN AMERICAN SPANISH', 'SWEDISH', 'DUTCH',
  'BRAZILIAN PORTUGUESE', 'PORTUGUESE', 'SPANISH',
];
