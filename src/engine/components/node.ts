/** The base class every component extends; it lives in the kernel, which runs the nodes. */
export { SimNode } from '../kernel/node';
