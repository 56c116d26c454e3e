import { useEffect } from 'react';
import { useAbout } from '../stores/about';

export function AboutPanel() {
  const { info, error, load } = useAbout();
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <section className="panel" aria-labelledby="about-title" data-testid="about-panel">
      <h2 id="about-title">About</h2>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!info && !error && <p role="status">Loading…</p>}
      {info && (
        <dl className="facts">
          <dt>Version</dt>
          <dd data-testid="about-version">
            {info.appName} {info.appVersion}
          </dd>
          <dt>Running in</dt>
          <dd data-testid="about-shell">
            {info.shell === 'electron' ? 'Desktop app (Electron)' : 'Web shell on 127.0.0.1 (browser)'}
          </dd>
          <dt>Data folder</dt>
          <dd>
            <code data-testid="about-data-dir">{info.dataDir}</code>
          </dd>
          <dt>Speech engine</dt>
          <dd data-testid="about-whisper">
            {info.whisper.build === 'native'
              ? 'whisper.cpp built for this CPU'
              : 'whisper.cpp prebuilt binary (generic, much slower)'}
            {info.whisper.running ? ' — running' : ' — loads on first use'}
            {info.whisper.fallbackReason && <span className="muted small"> ({info.whisper.fallbackReason})</span>}
            {info.whisper.cpuFeatures && (
              <div className="muted small">
                <code>{info.whisper.cpuFeatures}</code>
              </div>
            )}
          </dd>
          <dt>Node.js</dt>
          <dd>{info.versions.node}</dd>
          <dt>Electron</dt>
          <dd>{info.versions.electron ?? 'not running'}</dd>
          <dt>Chromium</dt>
          <dd>{info.versions.chrome ?? navigator.userAgent.match(/Chrom(e|ium)\/([\d.]+)/)?.[2] ?? 'unknown'}</dd>
          <dt>Platform</dt>
          <dd>
            {info.versions.platform} / {info.versions.arch}
          </dd>
        </dl>
      )}
    </section>
  );
}
