/**
 * Webex time zones: the id is the position in common.xsd's timeZoneType enumeration
 * (0 = "GMT-12:00, Dateline (Eniwetok)", 4 = "GMT-08:00, Pacific (San Jose)", 25 = "GMT+01:00, Europe (Berlin)"),
 * which matches the ids seen in real GetUser captures (4 San Jose, 25 Berlin). -1 means the site's zone.
 * Spelling ("Ancorage", "Columbo") is the schema's own.
 */
export const TIME_ZONES: readonly string[] = [
  "GMT-12:00, Dateline (Eniwetok)",
  "GMT-11:00, Samoa (Samoa)",
  "GMT-10:00, Hawaii (Honolulu)",
  "GMT-09:00, Alaska (Ancorage)",
  "GMT-08:00, Pacific (San Jose)",
  "GMT-07:00, Mountain (Arizona)",
  "GMT-07:00, Mountain (Denver)",
  "GMT-06:00, Central (Chicago)",
  "GMT-06:00, Mexico (Mexico City,Tegucigalpa)",
  "GMT-06:00, Central (Regina)",
  "GMT-05:00, S. America Pacific (Bogota)",
  "GMT-05:00, Eastern (New York)",
  "GMT-05:00, Eastern (Indiana)",
  "GMT-04:00, Atlantic (Halifax)",
  "GMT-04:00, S. America Western (Caracas)",
  "GMT-03:30, Newfoundland (Newfoundland)",
  "GMT-03:00, S. America Eastern (Brasilia)",
  "GMT-03:00, S. America Eastern (Buenos Aires)",
  "GMT-02:00, Mid-Atlantic (Mid-Atlantic)",
  "GMT-01:00, Azores (Azores)",
  "GMT+00:00, Greenwich (Casablanca)",
  "GMT+00:00, GMT (London)",
  "GMT+01:00, Europe (Amsterdam)",
  "GMT+01:00, Europe (Paris)",
  "GMT+01:00, Europe (Prague)",
  "GMT+01:00, Europe (Berlin)",
  "GMT+02:00, Greece (Athens)",
  "GMT+02:00, Eastern Europe (Bucharest)",
  "GMT+02:00, Egypt (Cairo)",
  "GMT+02:00, South Africa (Pretoria)",
  "GMT+02:00, Northern Europe (Helsinki)",
  "GMT+02:00, Israel (Tel Aviv)",
  "GMT+03:00, Saudi Arabia (Baghdad)",
  "GMT+03:00, Russian (Moscow)",
  "GMT+03:00, Nairobi (Nairobi)",
  "GMT+03:00, Iran (Tehran)",
  "GMT+04:00, Arabian (Abu Dhabi, Muscat)",
  "GMT+04:00, Baku (Baku)",
  "GMT+04:00, Afghanistan (Kabul)",
  "GMT+05:00, West Asia (Ekaterinburg)",
  "GMT+05:00, West Asia (Islamabad)",
  "GMT+05:30, India (Bombay)",
  "GMT+06:00, Columbo (Columbo)",
  "GMT+06:00, Central Asia (Almaty)",
  "GMT+07:00, Bangkok (Bangkok)",
  "GMT+08:00, China (Beijing)",
  "GMT+08:00, Australia Western (Perth)",
  "GMT+08:00, Singapore (Singapore)",
  "GMT+08:00, Taipei (Hong Kong)",
  "GMT+09:00, Tokyo (Tokyo)",
  "GMT+09:00, Korea (Seoul)",
  "GMT+09:30, Yakutsk (Yakutsk)",
  "GMT+09:30, Australia Central (Adelaide)",
  "GMT+09:30, Australia Central (Darwin)",
  "GMT+10:00, Australia Eastern (Brisbane)",
  "GMT+10:00, Australia Eastern (Sydney)",
  "GMT+10:00, West Pacific (Guam)",
  "GMT+10:00, Tasmania (Hobart)",
  "GMT+10:00, Vladivostok (Vladivostok)",
  "GMT+11:00, Central Pacific (Solomon Is)",
  "GMT+12:00, New Zealand (Wellington)",
  "GMT+12:00, Fiji (Fiji)",
];

export const DEFAULT_TIME_ZONE_ID = -1;

/** A readable DST label in the shape real sites use: "Berlin (Europe Time, GMT+01:00)". Approximation: real labels name the DST season. */
export function timeZoneWithDst(id: number): string {
  const name = TIME_ZONES[id];
  if (name === undefined) return '';
  const m = /^(GMT[+-]\d\d:\d\d), ([^(]+) \(([^)]+)\)$/.exec(name);
  if (!m) return name;
  const [, offset, region, city] = m;
  return `${city.split(',')[0]} (${region.trim()} Time, ${offset})`;
}
