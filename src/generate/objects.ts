import { isIP } from 'node:net';

/** A Kubernetes object the generator emits, as plain data; key insertion order is the rendered order. */
export interface IstioObject {
  apiVersion: string;
  kind: 'ServiceEntry' | 'VirtualService' | 'PeerAuthentication';
  metadata: {
    name: string;
    namespace: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec: Record<string, unknown>;
}

/** The operator writes `networking.istio.io/v1beta1` (served by every Istio release it supports). */
export const NETWORKING_API_VERSION = 'networking.istio.io/v1beta1';
export const SECURITY_API_VERSION = 'security.istio.io/v1beta1';

/** The name of this tool, in labels of the objects only it proposes (the operator never creates them). */
export const GENERATOR_NAME = 'dynakube-istio-guard';

/**
 * One IP address as a CIDR: `/32` for IPv4, `/128` for IPv6. The operator appends `/32` to every IP (`subnetMask` in
 * pkg/controllers/dynakube/istio/serviceentry.go), which for an IPv6 endpoint declares 2^96 addresses instead of the
 * one host it means.
 */
export function singleAddress(ip: string): string {
  return `${ip}/${isIP(ip) === 6 ? 128 : 32}`;
}
