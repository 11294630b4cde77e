export * from './xml-node';
export * from './escape';
export * from './namespaces';
export * from './parse-envelope';
export * from './build-response';
export * from './flat-string';
