"""Where models live, and the environment that keeps argostranslate offline.

``POLYNEWS_HOME`` (default ``~/.local/share/polynews``) holds everything polynews downloads or installs;
Argos packages go to ``$ARGOS_PACKAGES_DIR`` when the user has set it (so an existing Argos set-up is reused),
else to ``$POLYNEWS_HOME/argos-packages``.
"""

from __future__ import annotations

import os
from pathlib import Path

# argostranslate picks its sentence splitter by looking for these words anywhere in a package's path.
_SPLITTER_WORDS = ("spacy", "stanza", "minisbd")


def polynews_home() -> Path:
    env = os.environ.get("POLYNEWS_HOME")
    return Path(env).expanduser() if env else Path.home() / ".local" / "share" / "polynews"


def packages_dir(home: Path | None = None) -> Path:
    env = os.environ.get("ARGOS_PACKAGES_DIR")
    path = Path(env).expanduser() if env else (home or polynews_home()) / "argos-packages"
    lowered = str(path).lower()
    for word in _SPLITTER_WORDS:
        if word in lowered:
            from ingest.errors import ModelError

            raise ModelError(
                f"the models folder {path} contains the word {word!r}, which makes argostranslate pick the wrong "
                "sentence splitter; set POLYNEWS_HOME or ARGOS_PACKAGES_DIR to another folder"
            )
    return path


def offline_environ(home: Path | None = None) -> dict[str, str]:
    """Variables that make argostranslate use our folders and never reach the network on import or install.

    argostranslate reads its settings once, at import, so these must be in ``os.environ`` before the first
    import. ``ARGOS_CHUNK_TYPE`` is left alone: SPACY would try to download ``xx_sent_ud_sm`` at import, and
    polynews never calls argostranslate's own translate (translate/backend.py splits sentences itself).
    tests/test_translate.py checks that install opens no socket.
    """
    home = home or polynews_home()
    return {
        "ARGOS_PACKAGES_DIR": str(packages_dir(home)),
        "XDG_DATA_HOME": str(home / "xdg-data"),
        "XDG_CACHE_HOME": str(home / "xdg-cache"),
        "XDG_CONFIG_HOME": str(home / "xdg-config"),
        "ARGOS_DEVICE_TYPE": "cpu",
    }
