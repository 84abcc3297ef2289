"""The pages in a real headless Chromium, opened from file:// with the network off.

Needs the Debian packages chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)
and the selenium package; skipped when any is missing. Set KGBUILD_DOCS_IMG=docs/img to refresh
the screenshots docs/img/viz-graph.png and docs/img/viz-timeline.png.
"""

import os
import shutil
import tempfile
import time
from pathlib import Path

import pytest
from rdflib import Dataset

from kgbuild.relations import relationship_view
from kgbuild.viz import graph_html, timeline_html
from graph_fixtures import FIXTURE, ID, EVIL, EVIL_QUOTE, add_evil_person

selenium = pytest.importorskip("selenium")
from selenium import webdriver  # noqa: E402
from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

pytestmark = pytest.mark.slow


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1400,900"]


@pytest.fixture(scope="module")
def browser():
    if not (CHROMIUM and CHROMEDRIVER):
        pytest.skip("chromium and chromedriver are not installed (apt-get install chromium chromium-driver)")
    profile = tempfile.mkdtemp(prefix="kgbuild-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS + [f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
        "offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    ds = Dataset()
    ds.parse(FIXTURE, format="trig")
    view = relationship_view(ds)
    folder = tmp_path_factory.mktemp("pages")
    (folder / "graph.html").write_text(graph_html(view, title="Жаман-сопка: связи"), encoding="utf-8")
    (folder / "timeline.html").write_text(timeline_html(view, title="Жаман-сопка: хронология"), encoding="utf-8")
    add_evil_person(ds)
    (folder / "evil.html").write_text(graph_html(relationship_view(ds)), encoding="utf-8")
    return folder




def open_page(driver, path: Path, fragment: str = ""):
    driver.get_log("browser")  # forget messages of earlier pages
    driver.get(path.as_uri() + fragment)
    deadline = time.time() + 30
    while not driver.execute_script("return !!(window.KG && KG.ready)"):
        assert time.time() < deadline, "page never became ready"
        time.sleep(0.1)


def console_errors(driver) -> list[str]:
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] in ("SEVERE", "ERROR")]


def fetched(driver) -> list[str]:
    return driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")


def click_node(driver, node_id: str):
    """A real mouse click on the node where vis-network drew it."""
    canvas = driver.find_element(By.CSS_SELECTOR, "#canvas canvas")
    x, y = driver.execute_script(
        "var p = KG.network.canvasToDOM(KG.network.getPositions([arguments[0]])[arguments[0]]); return [p.x, p.y];",
        node_id)
    rect = canvas.rect
    ActionChains(driver).move_to_element_with_offset(canvas, x - rect["width"] / 2, y - rect["height"] / 2) \
        .click().perform()


def save_screenshot(driver, tmp_path: Path, name: str):
    driver.save_screenshot(str(tmp_path / name))
    docs = os.environ.get("KGBUILD_DOCS_IMG")
    if docs:
        Path(docs).mkdir(parents=True, exist_ok=True)
        shutil.copy(tmp_path / name, Path(docs) / name)


def test_graph_page_shows_the_story_and_explains_a_clicked_node(browser, pages, tmp_path):
    open_page(browser, pages / "graph.html")
    listed = [li.get_attribute("textContent") for li in browser.find_elements(By.CSS_SELECTOR, "#node-list li")]
    for label in ("Серик Омаров", "Кайкен", "ЕС-164/4", "Побег из ЕС-164/4"):
        assert label in listed
    # drawn inside the visible canvas
    width, height = browser.execute_script(
        "var c = document.getElementById('canvas'); return [c.clientWidth, c.clientHeight];")
    for key in ("person/serik-omarov", "person/kaiken", "institution/es-164-4", "incident/escape-1997-08-09"):
        x, y = browser.execute_script(
            "var p = KG.network.canvasToDOM(KG.network.getPositions([arguments[0]])[arguments[0]]); return [p.x, p.y];",
            ID + key)
        assert 0 <= x <= width and 0 <= y <= height, key

    click_node(browser, ID + "person/kaiken")
    panel = browser.find_element(By.ID, "panel")
    assert panel.find_element(By.TAG_NAME, "h2").text == "Кайкен"
    quotes = [q.text for q in panel.find_elements(By.TAG_NAME, "blockquote")]
    assert any("«У капитана Омаров остались супруга Кайкен»" in q for q in quotes)
    assert "zhaman-sopka-escape" in panel.text

    search = browser.find_element(By.ID, "search")
    search.send_keys("омаров", Keys.ENTER)
    assert panel.find_element(By.TAG_NAME, "h2").text == "Серик Омаров"
    assert "капитан внутренней службы" in panel.text
    save_screenshot(browser, tmp_path, "viz-graph.png")

    browser.find_element(By.CSS_SELECTOR, "#kinds input[data-kind=person]").click()
    listed = [li.get_attribute("textContent") for li in browser.find_elements(By.CSS_SELECTOR, "#node-list li")]
    assert "Кайкен" not in listed and "ЕС-164/4" in listed
    assert console_errors(browser) == []
    assert fetched(browser) == []


def test_markup_in_a_name_stays_text(browser, pages):
    open_page(browser, pages / "evil.html")
    assert browser.execute_script("return document.querySelectorAll('img, b').length") == 0
    listed = [li.get_attribute("textContent") for li in browser.find_elements(By.CSS_SELECTOR, "#node-list li")]
    assert EVIL in listed
    click_node(browser, ID + "person/evil")
    panel = browser.find_element(By.ID, "panel")
    assert panel.find_element(By.TAG_NAME, "h2").text == EVIL
    assert EVIL_QUOTE in panel.text
    assert browser.execute_script("return document.querySelectorAll('img, b').length") == 0
    with pytest.raises(NoAlertPresentException):
        _ = browser.switch_to.alert.text
    assert console_errors(browser) == []


def test_timeline_draws_dated_things_and_uncertain_ranges(browser, pages, tmp_path):
    open_page(browser, pages / "timeline.html", "#1997-07-25/1997-09-05")
    texts = [t.get_attribute("textContent") for t in browser.find_elements(By.CSS_SELECTOR, "#timeline svg text")]
    assert "Горный" in texts and "1. Нападение на караул" in texts and "Побег из ЕС-164/4" in texts
    # the death "вскоре" after the shootout is known to the month: a hatched bar, not a point
    death = browser.find_element(By.CSS_SELECTOR, f'g[data-id="{ID}incident/escape-1997-08-09-death-in-hospital"] rect')
    assert death.get_attribute("fill") == "url(#hatch)"
    assert float(death.get_attribute("width")) > 200
    assert "Undated" in browser.find_element(By.ID, "undated").text

    browser.find_element(By.CSS_SELECTOR, f'g[data-id="{ID}incident/escape-1997-08-09-killing-guards"] circle').click()
    panel = browser.find_element(By.ID, "panel")
    assert panel.find_element(By.TAG_NAME, "h2").text == "Гибель караула"
    assert "«Все трое сотрудников, включая капитана Омарова, погибли на месте.»" in panel.text
    save_screenshot(browser, tmp_path, "viz-timeline.png")
    assert console_errors(browser) == []
    assert fetched(browser) == []
