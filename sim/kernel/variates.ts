// Exponential and normal random variates by the ziggurat method (Marsaglia & Tsang 2000, "The
// Ziggurat Method for Generating Random Variables"): about 99% of draws cost one uniform, a
// table lookup, a multiply and a compare, no logarithm. The tables are built with the portable
// log and exp, so every engine gets the same tables and the same draws.
import type { Uniform } from './random';
import { exp, log } from './portable-math';

const M1 = 2147483648; // 2^31
const M2 = 4294967296; // 2^32

// Exponential: 256 layers.
const ke = new Uint32Array(256);
const we = new Float64Array(256);
const fe = new Float64Array(256);
// Normal: 128 layers.
const kn = new Uint32Array(128);
const wn = new Float64Array(128);
const fn = new Float64Array(128);

{
  let de = 7.697117470131487;
  let te = de;
  const ve = 3.949659822581572e-3;
  const q = ve / exp(-de);
  ke[0] = Math.floor((de / q) * M2);
  ke[1] = 0;
  we[0] = q / M2;
  we[255] = de / M2;
  fe[0] = 1;
  fe[255] = exp(-de);
  for (let i = 254; i >= 1; i--) {
    de = -log(ve / de + exp(-de));
    ke[i + 1] = Math.floor((de / te) * M2);
    te = de;
    fe[i] = exp(-de);
    we[i] = de / M2;
  }
}
{
  let dn = 3.442619855899;
  let tn = dn;
  const vn = 9.91256303526217e-3;
  const q = vn / exp(-0.5 * dn * dn);
  kn[0] = Math.floor((dn / q) * M1);
  kn[1] = 0;
  wn[0] = q / M1;
  wn[127] = dn / M1;
  fn[0] = 1;
  fn[127] = exp(-0.5 * dn * dn);
  for (let i = 126; i >= 1; i--) {
    dn = Math.sqrt(-2 * log(vn / dn + exp(-0.5 * dn * dn)));
    kn[i + 1] = Math.floor((dn / tn) * M1);
    tn = dn;
    fn[i] = exp(-0.5 * dn * dn);
    wn[i] = dn / M1;
  }
}

/** An exponential variate with mean 1. */
export function exponential(rng: Uniform): number {
  let jz = (rng() * M2) >>> 0;
  let iz = jz & 255;
  if (jz < ke[iz]) return jz * we[iz];
  for (;;) {
    if (iz === 0) return 7.69711747013104972 - log(1 - rng()); // the tail
    const x = jz * we[iz];
    if (fe[iz] + rng() * (fe[iz - 1] - fe[iz]) < exp(-x)) return x;
    jz = (rng() * M2) >>> 0;
    iz = jz & 255;
    if (jz < ke[iz]) return jz * we[iz];
  }
}

/** A standard normal variate. */
export function normal(rng: Uniform): number {
  let hz = (rng() * M2) | 0;
  let iz = hz & 127;
  if (Math.abs(hz) < kn[iz]) return hz * wn[iz];
  const r = 3.442619855899;
  for (;;) {
    let x = hz * wn[iz];
    if (iz === 0) {
      // The tail beyond r (Marsaglia 1964).
      let y: number;
      do {
        x = -log(1 - rng()) / r;
        y = -log(1 - rng());
      } while (y + y < x * x);
      return hz > 0 ? r + x : -r - x;
    }
    if (fn[iz] + rng() * (fn[iz - 1] - fn[iz]) < exp(-0.5 * x * x)) return x;
    hz = (rng() * M2) | 0;
    iz = hz & 127;
    if (Math.abs(hz) < kn[iz]) return hz * wn[iz];
  }
}
