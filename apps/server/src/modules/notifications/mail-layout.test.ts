import { afterEach, describe, expect, it } from 'vitest';
import { publicLink, renderMailLayout } from './mail-layout.js';

describe('the house e-mail layout', () => {
  const saved = process.env.TELAR_PUBLIC_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.TELAR_PUBLIC_URL;
    else process.env.TELAR_PUBLIC_URL = saved;
  });

  it('builds links from TELAR_PUBLIC_URL and writes the same content as text and HTML', () => {
    process.env.TELAR_PUBLIC_URL = 'https://telar.example.mx/';
    const { text, html } = renderMailLayout({
      greeting: 'Hola, Ana:',
      paragraphs: ['Su reporte fue devuelto <con> observaciones.'],
      action: { label: 'Abrir el reporte', url: '/reportes/123' },
    });
    expect(text).toContain('Abrir el reporte: https://telar.example.mx/reportes/123');
    expect(html).toContain('href="https://telar.example.mx/reportes/123"');
    expect(html).toContain('lang="es-MX"');
    expect(html).toContain('Su reporte fue devuelto &lt;con&gt; observaciones.');
    expect(html).not.toContain('<con>');
  });

  it('keeps absolute links and says where to choose the notices only when given', () => {
    expect(publicLink('https://otro.mx/x')).toBe('https://otro.mx/x');
    const plain = renderMailLayout({ greeting: 'Hola:', paragraphs: [] });
    expect(plain.text).not.toContain('Elegir qué avisos');
    const optional = renderMailLayout({ greeting: 'Hola:', paragraphs: [], preferencesUrl: '/mi-cuenta/avisos' });
    expect(optional.text).toMatch(/Elegir qué avisos recibo y cuándo: http.*\/mi-cuenta\/avisos/);
  });
});
