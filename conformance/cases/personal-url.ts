/**
 * personalUrl (the Personal Room URL name): Webex ignores it on CreateUser and generates pr + 13 digits, so a
 * connector must set it with the update that follows the create; the rules (≤ 64 characters, A-Z a-z 0-9 _ - .,
 * unique per site) come back as invalidPersonalUrl.
 */
import { readPath } from '../emulator/core';
import { expectAttribute, expectError, expectOk, expectStored, expectUnchanged, snapshot, userOf } from './expect';
import { fail, type CaseContext, type CaseDef } from './types';

async function refusedUpdate(ctx: CaseContext, url: string, what: string, classes: ('invalidPersonalUrl' | 'duplicate')[] = ['invalidPersonalUrl']): Promise<void> {
  const users = ctx.users;
  const id = ctx.unique('p');
  await users.create(ctx.base(id));
  const before = snapshot(await userOf(users, id));
  const adapter = await ctx.adapter();
  const o = await ctx.call('update', () => adapter.update(id, { personalUrl: url }));
  const error = expectError(o, classes, `update with ${what}`);
  expectAttribute(error, 'personalUrl');
  await expectUnchanged(before, users, id);
}

export function personalUrlCases(): CaseDef[] {
  return [
    {
      id: 'set-after-create', group: 'personalUrl', required: true, title: 'a new user\'s personalUrl is set through the update after create',
      async run(ctx) {
        const users = ctx.users;
        const id = ctx.unique('p');
        const adapter = await ctx.adapter();
        expectOk(await ctx.call('create', () => adapter.create({ ...ctx.base(id), personalUrl: `${id}.room` })), 'create with personalUrl');
        const rec = await userOf(users, id);
        expectStored(rec, 'personalUrl', `${id}.room`);
        const room = String(readPath(rec, 'personalMeetingRoom/personalMeetingRoomURL') ?? '');
        if (!room.endsWith(`/meet/${id}.room`)) fail(`the Personal Room URL to follow: https://{site}/meet/${id}.room`, `personalMeetingRoomURL = ${JSON.stringify(room)}`);
      },
    },
    {
      id: 'update', group: 'personalUrl', required: true, title: 'personalUrl changed on update (Personal Room URL follows)',
      async run(ctx) {
        const users = ctx.users;
        const id = ctx.unique('p');
        await users.create(ctx.base(id));
        const adapter = await ctx.adapter();
        expectOk(await ctx.call('update', () => adapter.update(id, { personalUrl: 'Team-Room_2.b' })), 'update of personalUrl');
        expectStored(await userOf(users, id), 'personalUrl', 'Team-Room_2.b');
      },
    },
    {
      id: 'restricted-characters', group: 'personalUrl', required: true, title: 'personalUrl with restricted characters → invalidPersonalUrl, user unchanged',
      run: (ctx) => refusedUpdate(ctx, 'my room!', 'a personalUrl with a space and "!"'),
    },
    {
      id: 'too-long', group: 'personalUrl', required: true, title: 'personalUrl longer than 64 characters → invalidPersonalUrl, user unchanged',
      run: (ctx) => refusedUpdate(ctx, 'a'.repeat(65), 'a 65-character personalUrl'),
    },
    {
      id: 'taken', group: 'personalUrl', required: true, title: 'personalUrl already used by another user → invalidPersonalUrl (or duplicate), user unchanged',
      async run(ctx) {
        const other = ctx.unique('o');
        await ctx.users.create(ctx.base(other));
        await ctx.users.update(other, { personalUrl: 'shared.room' });
        await refusedUpdate(ctx, 'shared.room', 'another user\'s personalUrl', ['invalidPersonalUrl', 'duplicate']);
      },
    },
    {
      id: 'invalid-on-create', group: 'personalUrl', required: true, title: 'create with an invalid personalUrl → invalidPersonalUrl',
      async run(ctx) {
        const id = ctx.unique('p');
        const adapter = await ctx.adapter();
        const o = await ctx.call('create', () => adapter.create({ ...ctx.base(id), personalUrl: 'bad/url' }));
        expectError(o, ['invalidPersonalUrl'], 'create with personalUrl "bad/url"');
        const rec = await ctx.users.find(id);
        // The user may exist (created, then the follow-up update refused) but never with the invalid value.
        if (rec && readPath(rec, 'personalUrl') === 'bad/url') {
          fail('the invalid personalUrl never to be stored', 'it was stored');
        }
      },
    },
  ];
}
