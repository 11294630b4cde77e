import { describeBothModes, type ModeCase } from './support/both-modes';
import { authenticateUser, createUser, delUser, envelope, getUser } from './support/xml';

const host = { webExId: 'host', password: 'P@ssword123' };

const CASES: ModeCase[] = [
  { name: 'GetAPIVersion', request: envelope('ep.GetAPIVersion', ''), expect: { result: 'SUCCESS', contains: ['<ep:apiVersion>'] } },
  { name: 'GetSite', request: envelope('site.GetSite', ''), expect: { result: 'SUCCESS' } },
  { name: 'AuthenticateUser with a password', request: authenticateUser(), expect: { result: 'SUCCESS', contains: ['<use:sessionTicket>'] } },
  { name: 'GetUser of a seeded user', request: getUser('host'), expect: { result: 'SUCCESS', contains: ['<use:webExId>host</use:webExId>'] } },
  { name: 'GetUser of the same user again (the cached answer bytes)', request: getUser('host'), expect: { result: 'SUCCESS', contains: ['<use:webExId>host</use:webExId>'] } },
  { name: 'GetUser of an unknown user', request: getUser('nobody'), expect: { result: 'FAILURE', exceptionID: '030001' } },
  { name: 'wrong password', request: getUser('host', { password: 'wrong' }), expect: { result: 'FAILURE', exceptionID: '030002' } },
  { name: 'CreateUser', request: createUser('both.modes'), expect: { result: 'SUCCESS', contains: ['<use:userId>'] } },
  { name: 'CreateUser duplicate', request: createUser('both.modes'), expect: { result: 'FAILURE', exceptionID: '030004' } },
  { name: 'SetUser', request: envelope('user.SetUser', '<webExId>both.modes</webExId><title>Tester</title>'), expect: { result: 'SUCCESS' } },
  { name: 'GetUser after SetUser', request: getUser('both.modes'), expect: { result: 'SUCCESS', contains: ['<use:title>Tester</use:title>'] } },
  { name: 'SetUser bad time zone', request: envelope('user.SetUser', '<webExId>both.modes</webExId><timeZoneID>99</timeZoneID>'), expect: { result: 'FAILURE', exceptionID: '030071' } },
  {
    name: 'LstsummaryUser page',
    request: envelope('user.LstsummaryUser', '<listControl><startFrom>1</startFrom><maximumNum>5</maximumNum></listControl>'),
    expect: { result: 'SUCCESS', contains: ['<serv:returned>5</serv:returned>'] },
  },
  { name: 'non-admin lists users', request: envelope('user.LstsummaryUser', '', host), expect: { result: 'FAILURE', exceptionID: '000001' } },
  { name: 'GetloginurlUser', request: envelope('user.GetloginurlUser', '<webExID>host</webExID>'), expect: { result: 'SUCCESS', contains: ['TK='] } },
  { name: 'DelUser', request: delUser(['both.modes', 'nobody']), expect: { result: 'SUCCESS', contains: ['<use:status>FAILURE</use:status>'] } },
  { name: 'unknown site', request: getUser('host', { site: 'elsewhere' }), expect: { result: 'FAILURE', exceptionID: '030076' } },
  { name: 'unreadable envelope', request: '<serv:message><oops', expect: { result: 'FAILURE', exceptionID: '000000' } },
  {
    name: 'fault: rate limit', request: getUser('host'),
    fault: { match: { operation: 'GetUser' }, effect: { rateLimit: true } },
    expect: { result: 'FAILURE', exceptionID: '000045' },
  },
  {
    name: 'fault: dropped connection', request: getUser('host'),
    fault: { match: { operation: 'GetUser' }, effect: { reset: true } },
    expect: { result: 'DROPPED' },
  },
];

describeBothModes('core exchanges in both modes', CASES);
