"""Light and dark themes on Qt's Fusion style; "system" follows the desktop."""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from twofold.domain.valueclass import valueclass
from twofold.resources import resource

THEMES = ("system", "light", "dark")


@valueclass  # (frozen, with slots: what @dataclass gave, without importing dataclasses)
class Colours:
    window: str
    base: str
    alt: str
    text: str
    muted: str
    accent: str
    accent_text: str
    card: str
    border: str
    private: str
    shared: str
    warning: str
    ok: str
    field_border: str  # edges of inputs: ≥ 3:1 against the background (WCAG 1.4.11)


LIGHT = Colours(
    window="#f6f4f1",
    base="#ffffff",
    alt="#f0ede8",
    text="#2b2a28",
    muted="#6f6a63",
    accent="#3d6f73",
    accent_text="#ffffff",
    card="#ffffff",
    border="#dcd6cd",
    private="#7a5c99",
    shared="#3d6f73",
    warning="#b3261e",
    ok="#276b43",
    field_border="#8a8279",
)
DARK = Colours(
    window="#1f2023",
    base="#27282c",
    alt="#2d2e33",
    text="#e8e6e3",
    muted="#a29d96",
    accent="#7fb7bb",
    accent_text="#10181a",
    card="#2b2c31",
    border="#3c3d43",
    private="#b79ad6",
    shared="#7fb7bb",
    warning="#ff8a80",
    ok="#7ccf9c",
    field_border="#7a7b83",
)


# Set on the application once it has the Fusion style (see ``use_fusion``).
FUSION_SET = "twofoldFusion"


def use_fusion(app: QApplication) -> None:
    """Qt's Fusion style, set once: replacing a style under live widgets is what the
    check avoids; the property spares asking Qt for the style object (see app.py)."""
    if app.property(FUSION_SET):
        return
    if app.style().name().casefold() != "fusion":
        app.setStyle("Fusion")
    app.setProperty(FUSION_SET, True)


# The application property holding the theme applied ("light" or "dark"); unset until
# ``apply`` first sets Twofold's palette.
THEME_PROPERTY = "twofoldTheme"


def system_is_dark() -> bool:
    """Whether the desktop asks for a dark colour scheme.

    Qt makes the application's palette from the desktop's colour scheme (Qt 6.5 on:
    Fusion's palette is the dark one exactly when the platform reports a dark scheme —
    GNOME's portal, Windows, macOS — and KDE's scheme is itself read from its palette).
    Until Twofold sets its own palette, that palette answers the question without the
    scheme's enum: ``Qt.ColorScheme`` belongs to Qt's namespace, whose 93 enum types
    PySide makes all at once (25–45 ms before the first paint, see ui/basics.py).
    Once Twofold's palette is set (the theme changed in the settings), the scheme is
    asked for itself."""
    app = QApplication.instance()
    if isinstance(app, QApplication) and app.property(THEME_PROPERTY) is None:
        return palette_is_dark(app.palette())
    from PySide6.QtCore import Qt

    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def palette_is_dark(palette: QPalette) -> bool:
    """Light text on a darker window: the dark palette Qt makes for a dark scheme."""
    text = palette.color(QPalette.ColorRole.WindowText).lightness()
    return text > palette.color(QPalette.ColorRole.Window).lightness()


def resolve(choice: str) -> Colours:
    if choice == "dark" or (choice == "system" and system_is_dark()):
        return DARK
    return LIGHT


def apply(app: QApplication, choice: str) -> Colours:
    colours = resolve(choice)
    use_fusion(app)  # normally already set by make_application()
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: colours.window,
        QPalette.ColorRole.WindowText: colours.text,
        QPalette.ColorRole.Base: colours.base,
        QPalette.ColorRole.AlternateBase: colours.alt,
        QPalette.ColorRole.Text: colours.text,
        QPalette.ColorRole.Button: colours.alt,
        QPalette.ColorRole.ButtonText: colours.text,
        QPalette.ColorRole.Highlight: colours.accent,
        QPalette.ColorRole.HighlightedText: colours.accent_text,
        QPalette.ColorRole.ToolTipBase: colours.card,
        QPalette.ColorRole.ToolTipText: colours.text,
        QPalette.ColorRole.PlaceholderText: colours.muted,
        QPalette.ColorRole.Link: colours.accent,
    }
    for role, value in roles.items():
        palette.setColor(role, QColor(value))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor(colours.muted))
    palette.setColor(
        QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor(colours.muted)
    )
    app.setPalette(palette)
    app.setStyleSheet(stylesheet(colours, app.font().pointSizeF()))
    app.setProperty(THEME_PROPERTY, "dark" if colours is DARK else "light")
    return colours


def current() -> Colours:
    app = QApplication.instance()
    return DARK if app is not None and app.property(THEME_PROPERTY) == "dark" else LIGHT


def stylesheet(c: Colours, base_pt: float = 10.0) -> str:
    """The style sheet; sizes follow the system font (``base_pt``), never fixed."""
    base = base_pt if base_pt > 0 else 10.0
    h1, h2, h3 = round(base * 1.8, 1), round(base * 1.4, 1), round(base * 1.1, 1)
    nav, partner = round(base * 1.1, 1), round(base * 1.2, 1)
    # The combo box's arrow is an image of ours: Fusion's own drop-down, under this sheet's
    # rounded field border, drew a square sunken frame (grey and black lines) over the corner.
    arrow = resource("icons", "arrow-down-dark.svg" if c is DARK else "arrow-down-light.svg")
    return f"""
    QLabel#heading1 {{ font-size: {h1}pt; font-weight: 600; }}
    QLabel#heading2 {{ font-size: {h2}pt; font-weight: 600; }}
    QLabel#heading3 {{ font-size: {h3}pt; font-weight: 600; color: {c.muted}; }}
    QLabel#note {{ color: {c.muted}; }}
    QLabel#errorLabel {{ color: {c.warning}; font-weight: 600; }}
    QLabel#privacyBadge {{ color: {c.private}; font-weight: 600; }}
    QLabel#sharedBadge {{ color: {c.shared}; font-weight: 600; }}
    QFrame#card, QWidget#card {{
        background: {c.card}; border: 1px solid {c.border}; border-radius: 10px;
    }}
    QFrame#warningBanner {{
        background: {c.warning}; border-radius: 8px;
    }}
    QFrame#warningBanner QLabel {{ color: white; font-weight: 600; }}
    QFrame#hintBanner {{
        background: {c.alt}; border: 1px solid {c.border}; border-left: 4px solid {c.accent};
        border-radius: 6px;
    }}
    QPushButton {{ padding: 6px 14px; border-radius: 6px; border: 1px solid {c.field_border};
                   background: {c.alt}; }}
    QPushButton:hover {{ border-color: {c.accent}; }}
    QPushButton:focus {{ border: 2px solid {c.accent}; }}
    QPushButton#primary {{ background: {c.accent}; color: {c.accent_text}; border: none;
                           font-weight: 600; }}
    QPushButton#primary:focus {{ border: 2px solid {c.text}; }}
    QPushButton#primary:disabled {{ background: {c.border}; color: {c.muted}; }}
    QPushButton#partnerButton {{ padding: 14px 18px; font-size: {partner}pt; text-align: left; }}
    QPushButton#partnerButton:checked {{ border: 2px solid {c.accent}; background: {c.base}; }}
    QLineEdit, QTextEdit, QPlainTextEdit, QComboBox {{
        padding: 5px; border: 1px solid {c.field_border}; border-radius: 6px;
        background: {c.base};
    }}
    QLineEdit:focus, QTextEdit:focus, QPlainTextEdit:focus, QComboBox:focus {{
        border: 2px solid {c.accent};
    }}
    QComboBox {{ combobox-popup: 0; padding-right: 1.8em; }}
    QComboBox::drop-down {{
        subcontrol-origin: padding; subcontrol-position: center right; width: 1.6em;
        border: none; background: transparent;
    }}
    QComboBox::down-arrow {{ image: url("{arrow.as_posix()}"); width: 12px; height: 12px; }}
    QComboBox::down-arrow:disabled {{ image: none; }}
    QComboBox QAbstractItemView {{
        border: 1px solid {c.field_border}; background: {c.base}; color: {c.text};
        selection-background-color: {c.accent}; selection-color: {c.accent_text};
        outline: 0;
    }}
    QComboBox QAbstractItemView::item {{ min-height: 1.6em; padding: 2px 6px; color: {c.text}; }}
    QComboBox QAbstractItemView::item:selected, QComboBox QAbstractItemView::item:hover {{
        background: {c.accent}; color: {c.accent_text};
    }}
    QListView {{ border: 1px solid {c.border}; border-radius: 8px; background: {c.base}; }}
    QListView:focus {{ border: 2px solid {c.accent}; }}
    QToolBar {{ border: none; spacing: 6px; padding: 4px; }}
    QTabBar::tab {{ padding: 8px 16px; }}
    QListWidget#nav {{ border: 2px solid transparent; background: transparent;
                       font-size: {nav}pt; outline: 0; }}
    QListWidget#nav:focus {{ border: 2px solid {c.accent}; border-radius: 8px; }}
    QListWidget#nav::item {{ padding: 7px 12px; border-radius: 8px; }}
    QListWidget#nav::item:selected {{ background: {c.accent}; color: {c.accent_text}; }}
    QStatusBar QLabel {{ padding: 0 6px; }}
    """
