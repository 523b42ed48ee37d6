import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const TEXT_ASSET = /\.(js|css|svg|json)$/;

/**
 * Writes `x.js.br` and `x.js.gz` beside each hashed text asset, at the highest levels: the server sends
 * them as they are (serveStatic `precompressed`), so no request pays for compressing, and brotli at
 * level 11 is smaller than what compressing on the fly can afford.
 */
export function precompressAssets(): Plugin {
  let assetsDir = '';
  return {
    name: 'telar-precompress-assets',
    apply: 'build',
    configResolved(config) {
      assetsDir = resolve(config.root, config.build.outDir, config.build.assetsDir);
    },
    writeBundle() {
      for (const name of readdirSync(assetsDir).filter((file) => TEXT_ASSET.test(file))) {
        const content = readFileSync(join(assetsDir, name));
        writeFileSync(join(assetsDir, `${name}.br`), brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }));
        writeFileSync(join(assetsDir, `${name}.gz`), gzipSync(content, { level: constants.Z_BEST_COMPRESSION }));
      }
    },
  };
}
