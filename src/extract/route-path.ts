/**
 * Path parts joined as the frameworks join a prefix and a route: one `/` between parts, a leading
 * `/`, no trailing `/` (`('orders', ':id')` -> `/orders/:id`; `('', '/')` -> `/`). Express, Koa's
 * router, Fastify and NestJS all answer the path without the trailing slash.
 */
export function joinPaths(...parts: readonly string[]): string {
  const segments: string[] = [];
  for (const part of parts) for (const segment of part.split('/')) if (segment !== '') segments.push(segment);
  return `/${segments.join('/')}`;
}
