// The live board: /api/board/events says when a board changed; the board part is fetched again then.
// Waits and idle times count up every second in between (from the server's clock, not the tablet's).
(() => {
  const root = document.getElementById('board');
  if (!root) return;
  const status = document.getElementById('board-status');
  let skew = 0;
  let lastUrgent = null;

  const pad = n => String(n).padStart(2, '0');
  const elapsed = ms => {
    const s = Math.max(0, Math.floor(ms / 1000));
    const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
    return h >= 1 ? `${h}時間${pad(m)}分` : m >= 1 ? `${m}分${pad(r)}秒` : `${r}秒`;
  };
  const tick = () => {
    const now = Date.now() + skew;
    root.querySelectorAll('[data-since]').forEach(el => { el.textContent = elapsed(now - Date.parse(el.dataset.since)); });
  };
  const sync = () => {
    const stamp = root.querySelector('[data-now]');
    if (!stamp) return;
    skew = Date.parse(stamp.dataset.now) - Date.now();
    const urgent = stamp.dataset.urgent;
    // Screen readers hear a change of the urgent count, not every refresh.
    if (status && urgent !== lastUrgent) {
      status.textContent = urgent === '0' ? '緊急の待ちはありません。' : `緊急の待ちが ${urgent} 件あります。`;
      lastUrgent = urgent;
    }
  };

  let loading = false, again = false;
  const refresh = async () => {
    if (loading) { again = true; return; }
    loading = true;
    try {
      const response = await fetch(root.dataset.fragment, { credentials: 'same-origin' });
      if (response.redirected || response.status === 401 || response.status === 403) { location.reload(); return; }
      if (response.ok) { root.innerHTML = await response.text(); sync(); tick(); }
    } catch { /* the next event tries again */ }
    finally {
      loading = false;
      if (again) { again = false; refresh(); }
    }
  };

  // Each connection (and reconnection) starts with the boards as they are: refresh on every event.
  const events = new EventSource(root.dataset.events);
  events.addEventListener('board', refresh);
  sync();
  setInterval(tick, 1000);
})();
