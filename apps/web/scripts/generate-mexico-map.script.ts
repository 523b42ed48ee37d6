/**
 * Turns the INEGI 2015 state boundaries (TopoJSON, packaged by mxmaps, BSD-3-Clause) into a small
 * TypeScript module of SVG path strings, so the browser ships neither the topology nor a geo library.
 *
 *   npm run generate:map -w @telar/web [-- path/to/mexico-states.topo.json]
 *
 * Arcs are simplified once (Douglas–Peucker) before rings are assembled, so neighbouring states keep
 * sharing exactly the same border points and no slivers appear between them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

type Point = [number, number];

interface Topology {
  transform: { scale: Point; translate: Point };
  arcs: Point[][];
  objects: Record<string, { geometries: Geometry[] }>;
}

type Geometry =
  | { type: 'Polygon'; arcs: number[][]; properties: StateProperties }
  | { type: 'MultiPolygon'; arcs: number[][][]; properties: StateProperties };

interface StateProperties {
  cve_ent: string;
  nom_ent: string;
  iso_3166_2: string;
}

/** Map units per degree of longitude after the cos(23°) correction; gives a ~560-unit-wide map. */
const UNITS_PER_DEGREE = 20;
/** Simplification tolerance in map units: below what a 600-px-wide drawing can show. */
const TOLERANCE = 0.35;
const COS_23 = Math.cos((23 * Math.PI) / 180);

const here = dirname(fileURLToPath(import.meta.url));
const inputPath = resolve(process.argv[2] ?? resolve(here, '../../../../shared/data/mexico-states-inegi2015.topo.json'));
const outputPath = resolve(here, '../src/components/mexico-map/mexico-states.generated.ts');

/** Undoes the delta encoding and quantisation of one arc, giving lon/lat pairs. */
function decodeArc(arc: Point[], transform: Topology['transform']): Point[] {
  let x = 0;
  let y = 0;
  return arc.map(([dx, dy]) => {
    x += dx;
    y += dy;
    return [x * transform.scale[0] + transform.translate[0], y * transform.scale[1] + transform.translate[1]];
  });
}

/** Equirectangular projection with the horizontal scale corrected at Mexico's mean latitude. */
function projectPoint([lon, lat]: Point, west: number, north: number): Point {
  return [(lon - west) * COS_23 * UNITS_PER_DEGREE, (north - lat) * UNITS_PER_DEGREE];
}

function measureDistanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const lengthSquared = dx * dx + dy * dy;
  if (lengthSquared === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / lengthSquared));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Douglas–Peucker, iterative so long coastlines cannot overflow the stack. */
function simplifyLine(points: Point[], tolerance: number): Point[] {
  if (points.length <= 2) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let farthest = -1;
    let farthestDistance = tolerance;
    for (let i = first + 1; i < last; i++) {
      const distance = measureDistanceToSegment(points[i]!, points[first]!, points[last]!);
      if (distance > farthestDistance) {
        farthest = i;
        farthestDistance = distance;
      }
    }
    if (farthest !== -1) {
      keep[farthest] = 1;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

function roundCoordinate(value: number): string {
  return (Math.round(value * 10) / 10).toString();
}

/** Joins arcs into a ring; a negative index (~i) means arc i walked backwards. */
function assembleRing(arcIndexes: number[], arcs: Point[][]): Point[] {
  const ring: Point[] = [];
  for (const index of arcIndexes) {
    const arc = index >= 0 ? arcs[index]! : [...arcs[~index]!].reverse();
    ring.push(...(ring.length === 0 ? arc : arc.slice(1)));
  }
  return ring;
}

function formatRing(ring: Point[]): string | null {
  const rounded = ring.map(([x, y]) => `${roundCoordinate(x)} ${roundCoordinate(y)}`);
  const distinct = rounded.filter((point, i) => point !== rounded[i - 1]);
  // Islands that collapse to a line at this scale add bytes and draw nothing.
  if (new Set(distinct).size < 3) return null;
  return `M${distinct[0]}L${distinct.slice(1, -1).join(' ')}Z`;
}

function generateModule(topology: Topology): string {
  const geometries = Object.values(topology.objects)[0]?.geometries ?? [];
  const decoded = topology.arcs.map((arc) => decodeArc(arc, topology.transform));
  const west = Math.min(...decoded.flat().map(([lon]) => lon));
  const east = Math.max(...decoded.flat().map(([lon]) => lon));
  const south = Math.min(...decoded.flat().map(([, lat]) => lat));
  const north = Math.max(...decoded.flat().map(([, lat]) => lat));
  const projected = decoded.map((arc) =>
    simplifyLine(
      arc.map((point) => projectPoint(point, west, north)),
      TOLERANCE,
    ),
  );
  const width = Math.ceil((east - west) * COS_23 * UNITS_PER_DEGREE);
  const height = Math.ceil((north - south) * UNITS_PER_DEGREE);

  const states = geometries
    .map((geometry) => {
      const polygons = geometry.type === 'Polygon' ? [geometry.arcs] : geometry.arcs;
      const d = polygons
        .flatMap((rings) => rings.map((ring) => formatRing(assembleRing(ring, projected))))
        .filter((ring): ring is string => ring !== null)
        .join('');
      return { code: geometry.properties.iso_3166_2, name: geometry.properties.nom_ent, d };
    })
    .sort((a, b) => a.code.localeCompare(b.code));

  const lines = states.map((state) => `  { code: ${JSON.stringify(state.code)}, name: ${JSON.stringify(state.name)}, d: ${JSON.stringify(state.d)} },`);
  return `// Generated by apps/web/scripts/generate-mexico-map.script.ts — do not edit by hand.
// Geometry: INEGI, Marco Geoestadístico 2015 (Términos de libre uso de la información del INEGI);
// TopoJSON packaging: mxmaps by Diego Valle-Jones (BSD-3-Clause). Simplified and projected for display.

export interface MexicoStateShape {
  /** ISO 3166-2:MX, matches StateView.code. */
  code: string;
  name: string;
  /** SVG path in the coordinate system of MEXICO_MAP_VIEW_BOX. */
  d: string;
}

export const MEXICO_MAP_VIEW_BOX = '0 0 ${width} ${height}';

export const MEXICO_STATE_SHAPES: readonly MexicoStateShape[] = [
${lines.join('\n')}
];
`;
}

const topology = JSON.parse(readFileSync(inputPath, 'utf8')) as Topology;
const source = generateModule(topology);
writeFileSync(outputPath, source);
console.log(`${outputPath}: ${(source.length / 1024).toFixed(1)} KiB`);
