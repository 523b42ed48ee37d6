import { describe, expect, it } from 'vitest';
import { readImageInfo } from './image-info.js';
import { JPEG_40_BY_20, pngImage } from './image.test-support.js';

describe('readImageInfo', () => {
  it('reads the size of a PNG from its header', () => {
    expect(readImageInfo(pngImage(300, 120))).toEqual({ type: 'png', contentType: 'image/png', width: 300, height: 120 });
  });

  it('reads the size of a JPEG from its frame, past the segments before it', () => {
    expect(readImageInfo(JPEG_40_BY_20)).toEqual({ type: 'jpg', contentType: 'image/jpeg', width: 40, height: 20 });
  });

  it('refuses what is not a PNG or JPEG, or a header cut short', () => {
    expect(readImageInfo(new TextEncoder().encode('%PDF-1.7 not an image'))).toBeNull();
    expect(readImageInfo(pngImage(10, 10).subarray(0, 20))).toBeNull();
    expect(readImageInfo(JPEG_40_BY_20.subarray(0, 30))).toBeNull();
    expect(readImageInfo(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
  });

  it('refuses an image that says it has no pixels', () => {
    expect(readImageInfo(pngImage(0, 5))).toBeNull();
  });
});
