"""The query page in a real headless Chromium: it loads with no network, runs a query, shows the
table, and shows hostile text from the data as text.

Needs the Debian packages chromium and chromium-driver, and the Python package selenium (which
drives /usr/bin/chromedriver; nothing is downloaded). Skipped when they are absent.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kgbuild.server import ServerConfig, running

pytestmark = pytest.mark.slow

SAMPLE = Path(__file__).parent / "fixtures" / "queries" / "sample.trig"
CHROMEDRIVER = "/usr/bin/chromedriver"
HOSTILE = '<img src=x onerror="document.title=\'pwned\'">Омаров</b>'


def chromium_binary() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    webdriver = pytest.importorskip("selenium.webdriver")
    binary = chromium_binary()
    if binary is None or not Path(CHROMEDRIVER).exists():
        pytest.skip("chromium and chromium-driver are not installed")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage",
                 # No network but loopback: any other host fails to resolve.
                 "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    service = webdriver.ChromeService(executable_path=CHROMEDRIVER)
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def page_url(tmp_path_factory):
    data = tmp_path_factory.mktemp("hostile") / "kg.trig"
    hostile = HOSTILE.replace("\\", "\\\\").replace('"', '\\"')
    data.write_text(SAMPLE.read_text(encoding="utf-8") +
                    "\n<https://w3id.org/kgbuild/id/source/c> { <https://w3id.org/kgbuild/id/person/x> a "
                    f'<https://w3id.org/kgbuild/ontology#Person> ; <http://www.w3.org/2000/01/rdf-schema#label> "{hostile}"@ru . }}\n',
                    encoding="utf-8")
    with running(data, ServerConfig(port=0, quiet=True)) as base:
        yield base + "/"


def wait(driver, condition, seconds=20):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, seconds).until(condition)


def results(driver) -> list[list[str]]:
    from selenium.webdriver.common.by import By

    table = wait(driver, lambda d: d.find_elements(By.ID, "results-table"))[0]
    return [[cell.text for cell in row.find_elements(By.CSS_SELECTOR, "th, td")]
            for row in table.find_elements(By.TAG_NAME, "tr")]


def test_the_page_loads_without_network_and_runs_the_starting_query(browser, page_url):
    from selenium.webdriver.common.by import By

    browser.get(page_url)
    wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#library button"))
    resources = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)")
    assert resources and all(url.startswith(page_url) for url in resources)
    assert browser.find_elements(By.CSS_SELECTOR, "#highlight .tok-keyword")  # the editor is highlighted
    browser.find_element(By.ID, "run").click()
    rows = results(browser)
    assert rows[0] == ["name", "rank"]
    assert ["Серик Омаров", "капитан внутренней службы"] in rows
    assert "rows in" in browser.find_element(By.ID, "status").text


def test_a_library_query_runs_from_the_list(browser, page_url):
    from selenium.webdriver.common.by import By

    browser.get(page_url)
    button = wait(browser, lambda d: [b for b in d.find_elements(By.CSS_SELECTOR, "#library button")
                                      if b.text == "fallen"])[0]
    button.click()
    assert "fallen" in browser.find_element(By.ID, "query").get_attribute("value").lower()
    browser.find_element(By.ID, "run").click()
    rows = results(browser)
    assert rows[0][:3] == ["fallen", "name", "diedOn"]
    assert any("трёхлетняя дочь" in row for row in rows)


def test_text_from_the_data_is_shown_as_text_never_run_as_html(browser, page_url):
    from selenium.webdriver.common.by import By

    browser.get(page_url)
    title = browser.title
    editor = browser.find_element(By.ID, "query")
    browser.execute_script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));",
                           editor, "SELECT ?name WHERE { <https://w3id.org/kgbuild/id/person/x> rdfs:label ?name }")
    browser.find_element(By.ID, "run").click()
    rows = results(browser)
    assert rows == [["name"], [HOSTILE]]
    assert browser.title == title
    assert not browser.find_elements(By.CSS_SELECTOR, "#results img")


def test_a_syntax_error_is_shown_in_the_status_line(browser, page_url):
    from selenium.webdriver.common.by import By

    browser.get(page_url)
    editor = browser.find_element(By.ID, "query")
    browser.execute_script("arguments[0].value = 'SELECT ?x WHERE {'; arguments[0].dispatchEvent(new Event('input'));",
                           editor)
    browser.find_element(By.ID, "run").click()
    status = wait(browser, lambda d: d.find_element(By.CSS_SELECTOR, "#status.error"))
    assert "syntax error at line 1" in status.text
