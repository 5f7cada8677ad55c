"""Installs the Russian (or no) translation for the UI, plus Qt's own strings (dialog buttons,
context menus) from the PySide6 wheel.

Updating the catalogue after changing UI strings:
    pyside6-lupdate moderator_app/ui/*.py -ts resources/translations/moderator_ru.ts
    (translate the new entries, e.g. in Qt Linguist)
    pyside6-lrelease resources/translations/moderator_ru.ts \
        -qm resources/translations/moderator_ru.qm
"""

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from moderator_app.paths import resource_path

log = logging.getLogger(__name__)

SUPPORTED = ("en", "ru")


def system_language() -> str:
    name = QLocale.system().name()  # e.g. "ru_RU"
    return name.split("_", 1)[0].lower() or "en"


def resolve_language(lang: str | None) -> str:
    """'ru'/'en' as asked, else the system's language when we have it, else English."""
    wanted = (lang or system_language()).lower().replace("-", "_").split("_", 1)[0]
    return wanted if wanted in SUPPORTED else "en"


def install_translation(app: QCoreApplication, lang: str | None = None) -> list[QTranslator]:
    """Load and install the translators; keep the returned list alive as long as the app."""
    language = resolve_language(lang)
    QLocale.setDefault(QLocale(language))
    if language == "en":
        return []
    installed = []
    ours = QTranslator(app)
    catalogue = resource_path("translations", f"moderator_{language}.qm")
    if ours.load(str(catalogue)):
        app.installTranslator(ours)
        installed.append(ours)
    else:
        log.warning("no translation catalogue at %s", catalogue)
    qt_own = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    else:
        log.info("Qt's own %s translation not found in %s", language, qt_dir)
    return installed


def remove_translation(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.English))
