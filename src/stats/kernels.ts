/**
 * The KDE kernels of DESIGN.md, each integrating to 1 over the plane (values per m²), with `h`
 * the bandwidth in metres:
 * - quartic (biweight, as ArcGIS Kernel Density): 3/(pi h^2) (1 - d^2/h^2)^2 for d < h, else 0;
 * - Epanechnikov: 2/(pi h^2) (1 - d^2/h^2) for d < h, else 0;
 * - Gaussian: 1/(2 pi h^2) exp(-d^2 / (2 h^2)), h the standard deviation, truncated at
 *   `truncateH * h` (never closer than 5h, DESIGN.md).
 * Silverman, B. W. (1986) Density Estimation for Statistics and Data Analysis, ch. 4.
 */

export type KernelName = 'quartic' | 'epanechnikov' | 'gaussian';

export const KERNEL_NAMES: readonly KernelName[] = ['quartic', 'epanechnikov', 'gaussian'];

/** Parse a kernel name; throws a RangeError naming the allowed values. */
export function parseKernel(name: string): KernelName {
  const k = name.trim().toLowerCase();
  if ((KERNEL_NAMES as readonly string[]).includes(k)) return k as KernelName;
  throw new RangeError(`kernel must be one of ${KERNEL_NAMES.join(', ')}, got '${name}'`);
}

/** Default Gaussian truncation, in bandwidths (DESIGN.md: no closer than 5h). */
export const DEFAULT_GAUSSIAN_TRUNCATE_H = 5;

/** Kernel value per m² at squared distance `d2` (m²); no truncation for the Gaussian. */
export function kernelValue(kernel: KernelName, d2: number, h: number): number {
  const u = d2 / (h * h);
  switch (kernel) {
    case 'quartic':
      return u < 1 ? (3 / (Math.PI * h * h)) * (1 - u) * (1 - u) : 0;
    case 'epanechnikov':
      return u < 1 ? (2 / (Math.PI * h * h)) * (1 - u) : 0;
    case 'gaussian':
      return Math.exp(-u / 2) / (2 * Math.PI * h * h);
  }
}

/** Distance beyond which the kernel is zero (metres): h, or truncateH * h for the Gaussian (may be Infinity). */
export function supportRadiusM(kernel: KernelName, h: number, truncateH = DEFAULT_GAUSSIAN_TRUNCATE_H): number {
  return kernel === 'gaussian' ? truncateH * h : h;
}

/** Standard deviation of the kernel along one axis (metres): h/sqrt 8 quartic, h/sqrt 6 Epanechnikov, h Gaussian. */
export function kernelSigmaM(kernel: KernelName, h: number): number {
  switch (kernel) {
    case 'quartic':
      return h / Math.sqrt(8);
    case 'epanechnikov':
      return h / Math.sqrt(6);
    case 'gaussian':
      return h;
  }
}
