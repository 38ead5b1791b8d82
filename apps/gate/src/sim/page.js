// Draws the simulated gate from /state a few times a second; the forms post without leaving the page.
const $ = (id) => document.getElementById(id);
const LED = { ready: '#3a7bd5', ok: '#2fa82f', refused: '#d33', wait: '#e6a700', fault: '#d33', off: '#999' };
const RESULTS = {
  ok: 'admitted',
  already_used: 'refused, already used',
  wrong_match: 'refused, another match',
  wrong_club: 'refused, another club',
  revoked: 'refused, revoked',
  unknown: 'refused, not a ticket',
  not_open_yet: 'refused, gates not open yet',
  bad_signature: 'refused, forged',
  wrong_stand: 'refused, another stand',
};
const words = {
  scan: (e) => `${e.offline ? 'offline ' : ''}scan: ${RESULTS[e.result] ?? e.result}`,
  busy: () => 'scan while busy: wait',
  passed: () => 'person passed',
  not_passed: () => 'admitted, not passed',
  tailgating: () => 'tailgating: a second person passed',
  occupied_too_long: () => 'passage occupied too long',
  sensor: (e) => (e.ok ? 'sonar answering' : `sonar: ${e.message}`),
  fault: (e) => `fault: ${e.message}`,
};

function draw(s) {
  $('state').textContent = s.state;
  $('armpos').textContent = s.arm;
  $('distance').textContent = s.distanceCm === null ? 'nothing in range' : `${s.distanceCm} cm`;
  $('online').textContent = s.networkDown ? 'network down' : s.online ? 'online' : 'offline';
  $('queued').textContent = String(s.queued);
  $('arm').setAttribute('transform', s.arm === 'open' ? 'rotate(-80 66 120)' : '');
  $('person').setAttribute('visibility', s.distanceCm === null ? 'hidden' : 'visible');
  $('beam').setAttribute('stroke', s.distanceCm === null ? '#7fb27f' : '#d33');
  $('led').setAttribute('fill', LED[s.signal] ?? '#999');
  $('down').value = s.networkDown ? 'false' : 'true';
  $('network').textContent = s.networkDown ? 'Network back' : 'Network down';
  $('error').hidden = !s.lastError;
  $('error').textContent = s.lastError ? `Last problem: ${s.lastError}` : '';
  $('events').replaceChildren(
    ...s.events.map((e) => {
      const li = document.createElement('li');
      li.textContent = `${e.at.slice(11, 19)} ${(words[e.kind] ?? (() => e.kind))(e)}`;
      if (e.kind === 'scan') li.className = e.result === 'ok' ? 'ok' : 'refused';
      return li;
    }),
  );
}

async function refresh() {
  try {
    draw(await (await fetch('/state')).json());
  } catch {}
}

for (const form of document.querySelectorAll('form[data-action]')) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const response = await fetch(form.action, {
      method: 'POST',
      headers: { accept: 'application/json' },
      body: new URLSearchParams(new FormData(form)),
    });
    draw(await response.json());
    if (form.action.endsWith('/scan')) {
      $('code').value = '';
      $('code').focus();
    }
  });
}
setInterval(refresh, 150);
refresh();
