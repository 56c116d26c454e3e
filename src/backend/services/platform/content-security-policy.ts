/**
 * CSP for the renderer in both shells. No remote origins at all: nothing leaves the machine.
 * style-src allows inline styles because the waveform library styles its shadow DOM inline.
 */
export function contentSecurityPolicy(options: { devServerUrl?: string | null } = {}): string {
  const dev = options.devServerUrl ? ` ${new URL(options.devServerUrl).origin}` : '';
  const devWs = options.devServerUrl ? ` ws://${new URL(options.devServerUrl).host}` : '';
  return [
    `default-src 'none'`,
    `script-src 'self'${dev}`,
    `style-src 'self' 'unsafe-inline'${dev}`,
    `img-src 'self' data: blob:`,
    `font-src 'self'`,
    `media-src 'self' blob:`,
    `connect-src 'self'${dev}${devWs}`,
    `worker-src 'self' blob:`,
    `manifest-src 'self'`,
    `base-uri 'none'`,
    `form-action 'none'`,
    `frame-ancestors 'none'`,
    `object-src 'none'`,
  ].join('; ');
}
