/** The DescribeFeatureType operation (WFS 2.0 clause 9): one XML Schema per namespace, importing the others. */
package org.ecoplan.wfs.describe;
