package org.ecoplan.render.style;

/** A LabelPlacement (SLD 1.0.0 clause 11.4.4): a point placement or a line placement. */
public sealed interface LabelPlacement permits PointPlacement, LinePlacement {}
