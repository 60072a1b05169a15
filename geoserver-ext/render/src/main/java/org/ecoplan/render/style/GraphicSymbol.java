package org.ecoplan.render.style;

/** One alternative of a Graphic: a Mark or an ExternalGraphic (SLD 1.0.0 clause 11.3.2). */
public sealed interface GraphicSymbol permits Mark, ExternalGraphic {}
