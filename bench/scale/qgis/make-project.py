#!/usr/bin/python3
"""Writes the QGIS Server project of the large-data benchmark (bench/scale-bench.sh) with PyQGIS
(Debian python3-qgis), so QGIS itself writes a project it reads: the parcels table of PostGIS as
one layer, drawn with a single fill like this service's SLD (#33A02C, outline #1B5E20 0.5 px),
published over WMS (EPSG:4490, 4326, 3857) and WFS with 7 decimals.
The layer reads the table through QGIS's OGR provider (GDAL's PostgreSQL driver): QGIS 3.22's own
postgres provider crashed (segmentation fault) on creating the layer in a headless process on the
benchmark machines.
Usage: make-project.py OUT.qgs "PG:dbname=... host=... port=... user=..." SCHEMA
"""
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsFillSymbol, QgsProject,  # noqa: E402
                       QgsSingleSymbolRenderer, QgsVectorLayer)


def main():
    out, pg, schema = sys.argv[1], sys.argv[2], sys.argv[3]
    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    layer = QgsVectorLayer(f"{pg} tables={schema}.parcels|layername={schema}.parcels", "parcels", "ogr")
    if not layer.isValid():
        sys.exit("the parcels table cannot be read: " + layer.error().summary())
    layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"color": "51,160,44,255", "outline_color": "27,94,32,255", "outline_width": "0.5",
         "outline_width_unit": "Pixel", "style": "solid", "outline_style": "solid"})))
    project = QgsProject.instance()
    project.setTitle("scale")
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:4490"))
    project.addMapLayer(layer)
    project.writeEntry("WFSLayers", "/", [layer.id()])
    project.writeEntry("WFSLayersPrecision", "/" + layer.id(), 7)
    project.writeEntry("WMSServiceCapabilities", "/", True)
    project.writeEntry("WMSServiceTitle", "/", "scale")
    project.writeEntry("WMSCrsList", "/", ["EPSG:4490", "EPSG:4326", "EPSG:3857"])
    project.writeEntry("WMSMaxWidth", "/", 4096)
    project.writeEntry("WMSMaxHeight", "/", 4096)
    if not project.write(out):
        sys.exit("cannot write " + out)
    app.exitQgis()


if __name__ == "__main__":
    main()
