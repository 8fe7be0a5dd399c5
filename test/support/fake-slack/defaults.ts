/**
 * The one fake workspace both halves agree on: the Web API fake answers auth.test with these ids and the payload
 * builders put them in what "Slack" sends to the app, so Bolt's authorize, ignoreSelf and client pool line up.
 */
export const FAKE_TEAM = {
  id: 'T0FAKE001',
  domain: 'prepbot-test',
  name: 'PrepBot Test',
  url: 'https://prepbot-test.slack.com/',
} as const;

export const FAKE_APP = {
  appId: 'A0FAKE001',
  botId: 'B0FAKE001',
  botUserId: 'U0FAKEBOT',
  botName: 'prepbot',
  // The deprecated verification token Slack still puts in every payload; Bolt ignores it.
  verificationToken: 'fake-verification-token',
} as const;

export const FAKE_USER = { id: 'U0FAKE001', name: 'alice' } as const;
export const FAKE_CHANNEL = { id: 'C0FAKE001', name: 'interview-prep' } as const;
