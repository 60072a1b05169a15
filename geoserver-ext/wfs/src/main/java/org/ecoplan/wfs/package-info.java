/**
 * The Web Feature Service (OGC 09-025r2 WFS 2.0.0, with 1.1.0 and 1.0.0): the service, its
 * operation table, versions, exception reports and type-name resolution. Each operation lives in
 * a package of its own ({@code capabilities}, {@code describe}, {@code query}); the GetFeature
 * output formats are in {@code format}. Feature types are published in the namespace of their
 * workspace (prefix = workspace name, URI from its workspace file). Read-only: Transaction and
 * locking are OperationNotSupported.
 */
package org.ecoplan.wfs;
