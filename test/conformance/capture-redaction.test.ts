/**
 * What the suite captures for a report (verbose text, HTML, JSON) goes through the emulator journal's redaction:
 * requests and responses, any prefix, one linear scan. A real site's AuthenticateUser answer carries a live ticket.
 */
import { redactText, redactXml } from '../../conformance/emulator/capture';

test('a session ticket in a response and a password hint answer in a request are masked', () => {
  const response = '<serv:message><serv:body><serv:bodyContent><use:sessionTicket>AAABm-live-ticket</use:sessionTicket></serv:bodyContent></serv:body></serv:message>';
  expect(redactXml(response)).not.toContain('AAABm-live-ticket');
  const request = '<bodyContent><webExId>u1</webExId><passwordHintAnswer>my first dog</passwordHintAnswer><PassWord>s3cret&amp;x</PassWord></bodyContent>';
  const masked = redactXml(request);
  expect(masked).not.toContain('my first dog');
  expect(masked).not.toContain('s3cret');
  expect(masked).toContain('<webExId>u1</webExId>');
});

test('an unterminated secret element hides the rest of the text, and hostile text stays linear', () => {
  expect(redactXml('<x:password>abc<webExId>u1</webExId>')).not.toContain('abc');
  const hostile = '<password>'.repeat(200_000);
  // The old lazy regex rescanned to the end from every open tag (~4e11 steps here): it never met Jest's time-out.
  expect(redactText(hostile)).not.toContain('<password></password>');
});
