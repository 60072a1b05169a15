"""Loads every collection of an OGC API - Features endpoint with QGIS's OAPIF provider, offscreen,
counts its features and draws it; prints one JSON object: {id: {valid, count, spatial, painted}}.

usage: python3 qgis_oapif.py API_URL ID[,ID...]
"""
import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import QgsApplication, QgsMapRendererParallelJob, QgsMapSettings, QgsVectorLayer  # noqa: E402
from qgis.PyQt.QtCore import QSize  # noqa: E402
from qgis.PyQt.QtGui import QColor  # noqa: E402

SIZE = 200


def draw(layer):
    """Non-white pixels of the layer drawn over its extent."""
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setOutputSize(QSize(SIZE, SIZE))
    settings.setBackgroundColor(QColor(255, 255, 255))
    settings.setDestinationCrs(layer.crs())
    extent = layer.extent()
    # a single point has an empty extent: draw a small box around it
    margin = max(extent.width(), extent.height()) * 0.1 or 0.01
    extent.grow(margin)
    settings.setExtent(extent)
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    white = QColor(255, 255, 255)
    return sum(1 for x in range(SIZE) for y in range(SIZE) if image.pixelColor(x, y) != white)


def main():
    api, ids = sys.argv[1], sys.argv[2].split(",")
    app = QgsApplication([], False)
    app.initQgis()
    out = {}
    for cid in ids:
        layer = QgsVectorLayer(f"url='{api}' typename='{cid}'", cid, "OAPIF")
        result = {"valid": layer.isValid()}
        if layer.isValid():
            result["count"] = sum(1 for _ in layer.getFeatures())
            result["spatial"] = layer.isSpatial()
            if layer.isSpatial():
                result["painted"] = draw(layer)
        out[cid] = result
    print(json.dumps(out), flush=True)
    # QGIS 3.22 can crash while tearing its application down (exit status 139) after all the work is
    # done; leave without the teardown so the exit status tells about the work only
    os._exit(0)


if __name__ == "__main__":
    main()
