// Interop scenarios for the real pusher-js (Node build) against the Vertebra channels server.
// Run by io.vertebra.channels.PusherJsIT (and JarChannelsIT). Environment: PUSHER_JS (module path),
// CHANNELS_PORT, CHANNELS_APP_ID, CHANNELS_KEY, CHANNELS_SECRET. Argument: comma-separated scenario names
// (default: all). Prints "PASS <name>" per scenario, "RESTART" when it needs the server restarted (then waits for
// a "RESTARTED" line on stdin), and exits non-zero on the first failure.
'use strict';
const crypto = require('crypto');
const readline = require('readline');
const assert = require('assert');
const Pusher = require(process.env.PUSHER_JS);

const PORT = Number(process.env.CHANNELS_PORT);
const APP_ID = process.env.CHANNELS_APP_ID;
const KEY = process.env.CHANNELS_KEY;
const SECRET = process.env.CHANNELS_SECRET;

// Waits are generous: the machines running this suite are small and shared.
const WAIT = 10000;

const hmac = (text) => crypto.createHmac('sha256', SECRET).update(text).digest('hex');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// What an app's auth endpoints would answer (signatures as in Pusher's documentation).
function channelAuth(socketId, channelName, channelData) {
  const auth = KEY + ':' + hmac(socketId + ':' + channelName + (channelData ? ':' + channelData : ''));
  return channelData ? { auth, channel_data: channelData } : { auth };
}

function client(userId, { forge = false, watchlist = null } = {}) {
  const pusher = new Pusher(KEY, {
    cluster: 'local', wsHost: '127.0.0.1', wsPort: PORT, forceTLS: false, enabledTransports: ['ws'],
    disableStats: true,
    channelAuthorization: {
      customHandler: ({ socketId, channelName }, callback) => {
        if (forge) {
          callback(null, { auth: KEY + ':' + hmac('1.1:' + channelName) });
        } else if (channelName.startsWith('presence-')) {
          callback(null, channelAuth(socketId, channelName,
            JSON.stringify({ user_id: userId, user_info: { name: 'User ' + userId } })));
        } else {
          callback(null, channelAuth(socketId, channelName));
        }
      },
    },
    userAuthentication: {
      customHandler: ({ socketId }, callback) => {
        const userData = JSON.stringify(watchlist ? { id: userId, watchlist } : { id: userId });
        callback(null, { auth: KEY + ':' + hmac(socketId + '::user::' + userData), user_data: userData });
      },
    },
  });
  return pusher;
}

function within(ms, what, promise) {
  return Promise.race([promise, sleep(ms).then(() => {
    throw new Error('timed out waiting for ' + what + ' (' + ms + ' ms)');
  })]);
}

function connected(pusher) {
  return within(WAIT, 'connection', new Promise((resolve) => {
    if (pusher.connection.state === 'connected') return resolve();
    pusher.connection.bind('connected', resolve);
  }));
}

function subscribed(pusher, name) {
  const channel = pusher.subscribe(name);
  return within(WAIT, 'subscription to ' + name, new Promise((resolve, reject) => {
    channel.bind('pusher:subscription_succeeded', (data) => resolve({ channel, data }));
    channel.bind('pusher:subscription_error', (e) => reject(new Error('subscription_error ' + JSON.stringify(e))));
  }));
}

// Binds at once, but the clock starts when the result is awaited: scenarios bind before they trigger, and on a
// loaded machine the trigger's own HTTP round trip could otherwise eat the whole wait for the delivery.
function next(channel, event, ms = WAIT) {
  const arrival = new Promise((resolve) => channel.bind(event, function handler(data) {
    channel.unbind(event, handler);
    resolve(data);
  }));
  let timed = null;
  return {
    then(onArrived, onTimeout) {
      timed = timed || within(ms, event, arrival);
      return timed.then(onArrived, onTimeout);
    },
  };
}

async function nothing(channel, event, ms = 700) {
  let got = null;
  channel.bind(event, (d) => { got = d; });
  await sleep(ms);
  assert.strictEqual(got, null, event + ' must not arrive');
}

// The HTTP API, signed as the HTTP API reference defines it.
async function api(method, path, body) {
  const fullPath = '/apps/' + APP_ID + path;
  const query = { auth_key: KEY, auth_timestamp: String(Math.floor(Date.now() / 1000)), auth_version: '1.0' };
  const text = body === undefined ? undefined : JSON.stringify(body);
  if (text !== undefined) query.body_md5 = crypto.createHash('md5').update(text).digest('hex');
  const sorted = Object.keys(query).sort().map((k) => k + '=' + query[k]).join('&');
  query.auth_signature = hmac(method + '\n' + fullPath + '\n' + sorted);
  const qs = new URLSearchParams(query).toString();
  // A fresh connection per call and an explicit timeout, so a stuck request is reported as such.
  const res = await fetch('http://127.0.0.1:' + PORT + fullPath + '?' + qs, {
    method, body: text, headers: { 'Content-Type': 'application/json', Connection: 'close' },
    signal: AbortSignal.timeout(WAIT),
  }).catch((e) => { throw new Error(method + ' ' + path + ' failed: ' + e); });
  const json = await res.json();
  assert.strictEqual(res.status, 200, 'HTTP ' + res.status + ' ' + JSON.stringify(json));
  return json;
}

const trigger = (channel, name, data, socketId) =>
  api('POST', '/events', { name, channel, data: JSON.stringify(data), socket_id: socketId });

const scenarios = {
  async public() {
    const p = client('u1');
    const { channel } = await subscribed(p, 'js-public');
    const data = { text: 'héllo "quoted" ✓', n: [1, 2.5, null], nested: { ok: true } };
    const arrived = next(channel, 'greeting');
    await trigger('js-public', 'greeting', data);
    assert.deepStrictEqual(await arrived, data);
    p.disconnect();
  },

  async exclusion() {
    const a = client('a');
    const b = client('b');
    const [ca, cb] = [(await subscribed(a, 'js-exclude')).channel, (await subscribed(b, 'js-exclude')).channel];
    const toB = next(cb, 'change');
    const notA = nothing(ca, 'change');
    await trigger('js-exclude', 'change', { v: 2 }, a.connection.socket_id);
    assert.deepStrictEqual(await toB, { v: 2 });
    await notA;
    a.disconnect();
    b.disconnect();
  },

  async private() {
    const p = client('u1');
    const { channel } = await subscribed(p, 'private-js');
    const arrived = next(channel, 'secret');
    await trigger('private-js', 'secret', { s: 1 });
    assert.deepStrictEqual(await arrived, { s: 1 });
    p.disconnect();
  },

  async forged() {
    const p = client('mallory', { forge: true });
    await assert.rejects(subscribed(p, 'private-vault'), /subscription_error/);
    assert.strictEqual(p.channel('private-vault').subscribed, false);
    const info = await api('GET', '/channels/private-vault');
    assert.strictEqual(info.occupied, false);
    await connected(p); // the connection itself survives
    p.disconnect();
  },

  async presence() {
    const alice = client('alice');
    const { channel } = await subscribed(alice, 'presence-js');
    assert.strictEqual(channel.members.count, 1);
    assert.strictEqual(channel.members.me.id, 'alice');
    const added = next(channel, 'pusher:member_added');
    const bob = client('bob');
    const { channel: bobChannel } = await subscribed(bob, 'presence-js');
    assert.strictEqual(bobChannel.members.count, 2);
    const member = await added;
    assert.strictEqual(member.id, 'bob');
    assert.deepStrictEqual(member.info, { name: 'User bob' });
    const users = await api('GET', '/channels/presence-js/users');
    assert.deepStrictEqual(users.users.map((u) => u.id).sort(), ['alice', 'bob']);
    const removed = next(channel, 'pusher:member_removed');
    bob.disconnect();
    assert.strictEqual((await removed).id, 'bob');
    assert.strictEqual(channel.members.count, 1);
    alice.disconnect();
  },

  async clientEvents() {
    const a = client('a');
    const b = client('b');
    const ca = (await subscribed(a, 'presence-js-chat')).channel;
    const cb = (await subscribed(b, 'presence-js-chat')).channel;
    const toB = new Promise((resolve) => cb.bind('client-note', (data, meta) => resolve({ data, meta })));
    const notA = nothing(ca, 'client-note');
    assert.ok(ca.trigger('client-note', { text: 'hi' }));
    const got = await within(WAIT, 'client-note', toB);
    assert.deepStrictEqual(got.data, { text: 'hi' });
    assert.strictEqual(got.meta.user_id, 'a');
    await notA;
    a.disconnect();
    b.disconnect();
  },

  async signin() {
    const p = client('alice');
    await connected(p);
    const greeted = within(WAIT, 'server-to-user event', new Promise((resolve) => p.user.bind('greet', resolve)));
    p.signin();
    for (let i = 0; i < 50 && !(p.user.serverToUserChannel && p.user.serverToUserChannel.subscribed); i++) {
      await sleep(100);
    }
    await trigger('#server-to-user-alice', 'greet', { hello: 'alice' });
    assert.deepStrictEqual(await greeted, { hello: 'alice' });
    p.disconnect();
  },

  async cache() {
    const p = client('u1');
    const missing = p.subscribe('cache-js-empty');
    await within(WAIT, 'cache miss', new Promise((resolve) => missing.bind('pusher:cache_miss', resolve)));
    await trigger('cache-js-full', 'last', { value: 42 });
    const full = p.subscribe('cache-js-full');
    assert.deepStrictEqual(await next(full, 'last'), { value: 42 });
    p.disconnect();
  },

  async reconnect() {
    const p = client('u1');
    const { channel } = await subscribed(p, 'js-reconnect');
    const states = [];
    p.connection.bind('state_change', (s) => states.push(s.current));
    const lost = within(10000, 'disconnect', new Promise((resolve) => p.connection.bind('connecting', resolve)));
    console.log('RESTART');
    await restarted();
    await lost;
    await within(20000, 'reconnection', new Promise((resolve) => {
      if (p.connection.state === 'connected') return resolve();
      p.connection.bind('connected', resolve);
    }));
    // pusher-js resubscribes by itself; wait until the server has the subscription again.
    for (let i = 0; i < 100; i++) {
      if ((await api('GET', '/channels/js-reconnect')).occupied) break;
      await sleep(100);
    }
    const arrived = next(channel, 'after');
    await trigger('js-reconnect', 'after', { back: true });
    assert.deepStrictEqual(await arrived, { back: true });
    assert.ok(states.includes('connecting'), 'states: ' + states.join(','));
    p.disconnect();
  },
};

// Scenarios for features an app enables (the server must run with them on); they run only when named.
const optIn = {
  // CHANNELS_SUBSCRIPTION_COUNT=true
  async subscriptionCount() {
    const a = client('a');
    const b = client('b');
    const counted = a.subscribe('js-counted');
    const first = next(counted, 'pusher:subscription_count');
    assert.deepStrictEqual(await first, { subscription_count: 1 });
    const second = next(counted, 'pusher:subscription_count');
    await subscribed(b, 'js-counted');
    assert.deepStrictEqual(await second, { subscription_count: 2 });
    assert.strictEqual(counted.subscriptionCount, 2, 'pusher-js keeps the last count on the channel');
    const third = next(counted, 'pusher:subscription_count');
    b.unsubscribe('js-counted');
    assert.deepStrictEqual(await third, { subscription_count: 1 });
    const { channel: room } = await subscribed(a, 'presence-js-uncounted');
    await nothing(room, 'pusher:subscription_count');
    a.disconnect();
    b.disconnect();
  },

  // CHANNELS_WATCHLIST_EVENTS=true
  async watchlist() {
    const bob = client('w-bob');
    bob.signin();
    await connected(bob);
    const alice = client('w-alice', { watchlist: ['w-bob', 'w-carol'] });
    const seen = [];
    const arrivals = [];
    const waitFor = (count) => within(WAIT, count + ' watchlist events (saw ' + JSON.stringify(seen) + ')',
      new Promise((resolve) => arrivals.push({ count, resolve })));
    const record = (event) => {
      seen.push(event.name + ':' + event.user_ids.join('+'));
      arrivals.filter((a) => seen.length >= a.count).forEach((a) => a.resolve());
    };
    alice.user.watchlist.bind('online', record);
    alice.user.watchlist.bind('offline', record);
    await within(WAIT, 'bob signed in', bob.user.signinDonePromise);
    alice.signin();
    await waitFor(2);
    assert.deepStrictEqual(seen, ['online:w-bob', 'offline:w-carol'], 'the state at sign-in');
    const carol = client('w-carol');
    carol.signin();
    await waitFor(3);
    assert.strictEqual(seen[2], 'online:w-carol');
    bob.disconnect();
    await waitFor(4);
    assert.strictEqual(seen[3], 'offline:w-bob');
    alice.disconnect();
    carol.disconnect();
  },
};

let stdinLines = null;
function restarted() {
  return within(20000, 'RESTARTED', new Promise((resolve) => {
    stdinLines.once('line', (line) => { if (line.trim() === 'RESTARTED') resolve(); });
  }));
}

(async () => {
  stdinLines = readline.createInterface({ input: process.stdin });
  const wanted = (process.argv[2] || Object.keys(scenarios).join(',')).split(',');
  for (const name of wanted) {
    const scenario = scenarios[name] || optIn[name];
    if (!scenario) {
      console.log('FAIL ' + name + ': no such scenario');
      process.exit(2);
    }
    try {
      await scenario();
      console.log('PASS ' + name);
    } catch (e) {
      console.log('FAIL ' + name + ': ' + (e && e.stack || e));
      process.exit(1);
    }
  }
  console.log('DONE ' + wanted.length);
  process.exit(0);
})();
