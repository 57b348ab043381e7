// The part of fs-native-extensions (prebuilt N-API addon, no types shipped) the data-folder lock uses.
declare module 'fs-native-extensions' {
  /** Non-blocking advisory lock on a whole file: false when another open file holds it. */
  export function tryLock(fd: number, opts?: { shared?: boolean }): boolean;
  export function unlock(fd: number): void;
}
