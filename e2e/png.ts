import type { Page } from '@playwright/test';

export interface PngSummary {
  width: number;
  height: number;
  /** Number of distinct RGB colours. */
  colours: number;
  /** Pixels that are not fully opaque. */
  transparent: number;
  /** RGBA of the pixel at (2, 2): the background. */
  corner: number[];
  /** Whether each of the asked RGB colours (0xRRGGBB) appears. */
  contains: Record<string, boolean>;
  /** Dark (text-coloured) pixels in the top and bottom 60 image rows: the title and the source line. */
  darkTop: number;
  darkBottom: number;
  /** Mean brightness (luma, 0 black .. 255 white) of the whole image: light or dark at a glance. */
  meanLuma: number;
}

/** Decode a PNG in the page's own browser (no image library needed) and summarise its pixels. */
export async function summarisePng(page: Page, png: Buffer, lookFor: number[] = []): Promise<PngSummary> {
  return page.evaluate(
    async ({ base64, lookFor }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, image.width, image.height);
      const colours = new Set<number>();
      let transparent = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] !== 255) transparent++;
        colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      }
      let luma = 0;
      for (let i = 0; i < data.length; i += 4) luma += 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!;
      const at = (2 * image.width + 2) * 4;
      const dark = (fromRow: number, toRow: number) => {
        let n = 0;
        for (let y = Math.max(0, fromRow); y < Math.min(image.height, toRow); y++) {
          for (let x = 0; x < image.width; x++) {
            const i = (y * image.width + x) * 4;
            if (0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]! < 128) n++;
          }
        }
        return n;
      };
      return {
        width: image.width,
        height: image.height,
        colours: colours.size,
        transparent,
        corner: [data[at]!, data[at + 1]!, data[at + 2]!, data[at + 3]!],
        contains: Object.fromEntries(lookFor.map((c) => [c.toString(16).padStart(6, '0'), colours.has(c)])),
        darkTop: dark(0, 60),
        darkBottom: dark(image.height - 60, image.height),
        meanLuma: luma / (data.length / 4),
      };
    },
    { base64: png.toString('base64'), lookFor },
  );
}
