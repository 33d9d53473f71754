"""End to end: a real headless Chromium drives the board through upload → board → trace → calendar,
and signs in to the board of a service that has a token.

It starts the board on a uvicorn server on loopback, and saves a screenshot of each step under
tests/artifacts/ (not committed; see .gitignore). It skips, saying what is missing, where
Chromium, its driver or selenium is not installed (.ci/run installs them from Debian).
"""

from __future__ import annotations

import base64
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EVENTS = ROOT / "examples" / "supervision" / "county-week.jsonl"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
AT = "2025-10-15T09:00"
TOKEN = "browser-s3cret"
MAX_UPLOAD = 64 * 1024
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
# Without these, Chromium tries to reach Google (updates, sync, field trials) on start.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
    "--window-size=1366,900",
)

pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt: chromium)"),
    pytest.mark.skipif(
        DRIVER is None, reason="chromedriver is not installed (apt: chromium-driver)"
    ),
]

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
uvicorn = pytest.importorskip("uvicorn", reason="uvicorn is not installed")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def _serving(app: object) -> Iterator[str]:
    """`app` on a uvicorn server on loopback, in a thread; yields its base URL."""
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the board's uvicorn server did not start within 20 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """The board on a uvicorn server on loopback; yields its base URL."""
    from fastapi import FastAPI

    from deadlines import Engine
    from deadlines.board import make_router

    app = FastAPI()
    app.include_router(make_router(engine_factory=Engine, events_dir=EVENTS.parent))
    with _serving(app) as base:
        yield base


@pytest.fixture(scope="module")
def secured() -> Iterator[str]:
    """The whole service with a token and a small upload limit, on loopback."""
    from deadlines import Engine
    from deadlines.service import Settings, create_app

    settings = Settings(token=TOKEN, max_upload=MAX_UPLOAD, plugins=False)
    with _serving(create_app(settings, engine=Engine(discover_plugins=False))) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """A headless Chromium under chromedriver, with a throwaway profile."""
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="deadlines-chromium-")
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=DRIVER))
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def _navigate(driver: object, element: object, action: str = "click") -> None:
    """Click or submit `element`, then wait until the page it leads to has replaced this one.

    Selenium's `submit()` and `click()` return before the browser has navigated, so reading the
    next page at once may read the old one (a flaky failure seen in CI).
    """
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    page = driver.find_element(By.TAG_NAME, "html")  # type: ignore[attr-defined]
    getattr(element, action)()
    WebDriverWait(driver, 20).until(expected_conditions.staleness_of(page))


def _shoot(driver: object, name: str) -> Path:
    """Save a screenshot of the whole page (not only the window) as tests/artifacts/NAME.png."""
    ARTIFACTS.mkdir(exist_ok=True)
    shot = driver.execute_cdp_cmd(  # type: ignore[attr-defined]
        "Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True}
    )
    path = ARTIFACTS / f"{name}.png"
    path.write_bytes(base64.b64decode(shot["data"]))
    return path


class TestJourney:
    """Upload → board → one obligation's trace → calendar, as a clerk would click through."""

    def test_upload_board_trace_calendar(self, server, browser):
        """Each step shows what the report says, and leaves a screenshot."""
        from selenium.webdriver.common.by import By

        driver = browser
        driver.get(server + "/")
        assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh-CN"
        driver.find_element(By.ID, "file").send_keys(str(EVENTS))
        moment = driver.find_element(By.ID, "at-upload")
        driver.execute_script("arguments[0].value = arguments[1]", moment, AT)
        _navigate(driver, moment, "submit")

        # the board: counts by status as `deadlines check` gives them at this moment
        cards = {
            card.get_attribute("class").split()[-1]: card.find_element(By.CLASS_NAME, "n").text
            for card in driver.find_elements(By.CSS_SELECTOR, ".cards .card")
        }
        assert cards == {
            "s-overdue": "3",
            "s-warning": "0",
            "s-open": "5",
            "s-late": "1",
            "s-met": "5",
            "s-escalated": "1",
            "s-total": "14",
        }
        first = driver.find_element(By.CSS_SELECTOR, "table.list tbody tr")
        assert first.find_element(By.TAG_NAME, "th").text == "i-2025-071/plan"  # escalated
        assert "提请督办" in first.text
        assert _shoot(driver, "1-board").stat().st_size > 10_000

        # one obligation: its due instant moved by a pause, the trace and the citation
        _navigate(driver, driver.find_element(By.LINK_TEXT, "m-2025-041/document/1"))
        assert driver.find_element(By.CSS_SELECTOR, ".due time").text == "2025-10-17T17:30+08:00"
        steps = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "ol.trace li")]
        assert len(steps) == 20
        assert "2025-10-14 17:30" in steps[-1]
        assert "2025-10-17 17:30" in steps[-1]
        assert "5个工作日内印发" in driver.find_element(By.CLASS_NAME, "citation").text
        _shoot(driver, "2-trace")

        # its due date opens the month: National Day, the adjusted Saturday, what falls due
        _navigate(driver, driver.find_element(By.LINK_TEXT, "2025-10-17"))
        holiday = driver.find_element(By.ID, "d1")
        assert "holiday" in holiday.get_attribute("class")
        assert "国庆节" in holiday.text
        assert "adjusted" in driver.find_element(By.ID, "d11").get_attribute("class")
        assert "m-2025-041/document/1" in driver.find_element(By.ID, "d17").text
        _shoot(driver, "3-calendar-month")

        # the whole year, then the board in English
        _navigate(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "全年"))
        assert len(driver.find_elements(By.CSS_SELECTOR, "table.mini")) == 12
        _shoot(driver, "4-calendar-year")
        _navigate(driver, driver.find_element(By.LINK_TEXT, "看板"))
        _navigate(driver, driver.find_element(By.CSS_SELECTOR, ".lang a"))
        assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
        assert "escalated" in driver.find_element(By.CSS_SELECTOR, "table.list").text
        _shoot(driver, "5-board-en")

    def test_keyboard(self, server, browser):
        """The first Tab reaches the skip link, and following it moves focus to the content."""
        from selenium.webdriver.common.action_chains import ActionChains
        from selenium.webdriver.common.by import By
        from selenium.webdriver.common.keys import Keys

        driver = browser
        driver.get(f"{server}/?src=file:county-week.jsonl&at={AT}")
        driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
        focused = driver.switch_to.active_element
        assert focused.get_attribute("class") == "skip"
        focused.send_keys(Keys.ENTER)
        assert driver.switch_to.active_element.get_attribute("id") == "main"
        # from the content, Tab reaches the forms, then the first status card
        keyboard = ActionChains(driver)
        for _ in range(30):
            keyboard.send_keys(Keys.TAB).perform()  # to the page, as a person types
            focused = driver.switch_to.active_element
            if "card" in focused.find_element(By.XPATH, "..").get_attribute("class"):
                break
        else:
            pytest.fail("30 presses of Tab did not reach the status cards")
        assert "s-overdue" in focused.find_element(By.XPATH, "..").get_attribute("class")
        ring = focused.value_of_css_property("outline-style")
        assert ring == "solid"
        driver.execute_script("window.scrollTo(0, 0)")
        _shoot(driver, "7-keyboard-focus")
        focused.send_keys(Keys.ENTER)
        assert "status=overdue" in driver.current_url

    def test_printable_report_is_a4(self, server, browser):
        """The report prints on A4 pages (the print CSS sets the page size)."""
        from selenium.webdriver.common.by import By

        driver = browser
        driver.get(f"{server}/report?src=file:county-week.jsonl&at={AT}")
        _shoot(driver, "6-report")
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        # printed, the navigation and the hint are gone
        assert not driver.find_element(By.CSS_SELECTOR, "header.top").is_displayed()
        _shoot(driver, "6-report-as-printed")
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        pdf = driver.execute_cdp_cmd(
            "Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True}
        )
        data = base64.b64decode(pdf["data"])
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / "6-report.pdf").write_bytes(data)
        # A4 is 595.28 × 841.89 points
        assert b"/MediaBox [0 0 594.95996 841.91998]" in data or b"/MediaBox [0 0 595" in data


class TestSignedIn:
    """A service with a token: the browser signs in, uploads, meets the limit, signs out."""

    def test_sign_in_upload_sign_out(self, secured, browser, tmp_path):
        """The login page lets a browser in; its cookie is HttpOnly and SameSite=Strict."""
        from selenium.webdriver.common.by import By

        driver = browser
        driver.delete_all_cookies()
        driver.get(secured + "/calendar/2026?lang=en")
        assert driver.find_element(By.TAG_NAME, "h1").text == "Sign in to the board"
        _shoot(driver, "6-login")
        field = driver.find_element(By.ID, "token")
        field.send_keys("a guess")
        _navigate(driver, field, "submit")
        assert "That is not the token" in driver.find_element(By.ID, "login-wrong").text
        _navigate(driver, driver.find_element(By.LINK_TEXT, "中文"))
        field = driver.find_element(By.ID, "token")
        field.send_keys(TOKEN)
        _navigate(driver, field, "submit")
        # back where it was going, in English, with a cookie the page's scripts cannot read
        assert driver.current_url == secured + "/calendar/2026?lang=en"
        assert len(driver.find_elements(By.CSS_SELECTOR, "table.mini")) == 12
        (cookie,) = driver.get_cookies()
        assert (cookie["httpOnly"], cookie["sameSite"]) == (True, "Strict")
        assert TOKEN not in cookie["value"]
        _shoot(driver, "7-signed-in")

        # an upload: Chromium's own Origin passes the cross-site check
        driver.get(secured + "/")
        driver.find_element(By.ID, "file").send_keys(str(EVENTS))
        moment = driver.find_element(By.ID, "at-upload")
        driver.execute_script("arguments[0].value = arguments[1]", moment, AT)
        _navigate(driver, moment, "submit")
        total = driver.find_element(By.CSS_SELECTOR, ".cards .s-total .n").text
        assert total == "14"

        # past --max-upload: a page of the board, not problem+json
        big = tmp_path / "big.jsonl"
        big.write_bytes(EVENTS.read_bytes() + b"\n" * MAX_UPLOAD)
        driver.find_element(By.ID, "file").send_keys(str(big))
        _navigate(driver, driver.find_element(By.ID, "file"), "submit")
        assert driver.find_element(By.TAG_NAME, "h1").text == "文件太大"
        assert "--max-upload" in driver.find_element(By.CSS_SELECTOR, "p.error").text
        _shoot(driver, "8-too-large")

        # signing out ends the session
        from selenium.webdriver.support.ui import WebDriverWait

        _navigate(driver, driver.find_element(By.CSS_SELECTOR, "form.logout button"))
        WebDriverWait(driver, 10).until(lambda d: "/login" in d.current_url)
        assert driver.find_element(By.TAG_NAME, "h1").text == "登录看板"
        assert driver.get_cookies() == []
        driver.get(secured + "/")
        assert driver.find_element(By.TAG_NAME, "h1").text == "登录看板"
