"""Messages of the command line: help, the lines of `plugins` (ids ``cli``, ``plugins``), and
argparse's own words in Chinese (`ARGPARSE`). The errors it prints are in `_errors.py`.

Help texts (``cli.*``) are argparse templates: argparse expands ``%(default)s`` in them when it
prints the help, so a literal percent sign is written ``%%``. The parser finds them by name
(`deadlines.cli._common`): ``cli.COMMAND.summary`` and ``.description``, ``cli.COMMAND.DEST``
for an option of one command, ``cli.option.DEST`` for one several take, ``cli.metavar.NAME``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from deadlines._messages._message import Message

_AT = "2026-09-30T17:00"
_EVENTS = "examples/supervision/county-week.jsonl"

MESSAGES: Final[Mapping[str, Message]] = {
    # -- the top level and the options several commands share --------------------------------
    "cli.description": Message(
        "按国务院办公厅公布的工作日历，计算上高县2020年《意见》规定的办理时限。",
        "Due dates of the 2020 administrative-efficiency opinion over the official Chinese "
        "working-day calendar.",
    ),
    "cli.option.version": Message(
        "显示版本、所用日历数据和节假日通知文件，然后退出",
        "print the version, the calendar data and the notice files in effect, and exit",
    ),
    "cli.option.lang": Message(
        "输出语言：zh（中文）或 en（英文）；未指定时依次看环境变量 DEADLINES_LANG 和系统语言环境"
        "（LC_ALL、LC_MESSAGES、LANG 以 zh 开头即为中文），均未设置时为英文",
        "language of the output: zh (中文) or en; by default DEADLINES_LANG, else the locale "
        "(LC_ALL, LC_MESSAGES, LANG: zh_* is Chinese), else en",
    ),
    "cli.option.json": Message("以 JSON 格式输出", "print JSON instead of text"),
    "cli.option.calendar": Message(
        "日历调整文件（TOML：新一年的节假日通知或本地调整），可多次指定，按顺序生效",
        "a calendar override file (TOML: a new year's notice or local days); repeatable, "
        "applied in order",
    ),
    "cli.option.no_plugins": Message(
        "不加载已安装的插件，只按《意见》和国家工作日历计算",
        "ignore installed plugins: compute with the opinion and the official calendar only",
    ),
    "cli.option.explain": Message("逐步列出计算过程", "show every step of the count"),
    "cli.metavar.COMMAND": Message("命令", "COMMAND"),
    "cli.metavar.ACTION": Message("操作", "ACTION"),
    "cli.metavar.RULE": Message("规则", "RULE"),
    "cli.metavar.DATETIME": Message("日期时间", "DATETIME"),
    "cli.metavar.DATE": Message("日期", "DATE"),
    "cli.metavar.NAME=VALUE": Message("参数名=值", "NAME=VALUE"),
    "cli.metavar.FILE": Message("文件", "FILE"),
    "cli.metavar.N": Message("数量", "N"),
    "cli.metavar.F": Message("比例", "F"),
    "cli.metavar.PATH": Message("路径", "PATH"),
    "cli.metavar.ID": Message("规则编号", "ID"),
    "cli.metavar.YEAR": Message("年份", "YEAR"),
    "cli.metavar.YEAR[-MM]": Message("年份[-月份]", "YEAR[-MM]"),
    "cli.metavar.EVENTS_FILE": Message("事件文件", "EVENTS_FILE"),
    "cli.metavar.OBLIGATION": Message("事项编号", "OBLIGATION"),
    "cli.metavar.SCHEMA": Message("类别", "SCHEMA"),
    "cli.metavar.BASE": Message("原政策", "BASE"),
    "cli.metavar.NEW": Message("新政策", "NEW"),
    "cli.metavar.HOST": Message("地址", "HOST"),
    "cli.metavar.PORT": Message("端口", "PORT"),
    "cli.metavar.BYTES": Message("字节数", "BYTES"),
    "cli.metavar.SECONDS": Message("秒数", "SECONDS"),
    "cli.metavar.ORIGIN": Message("来源", "ORIGIN"),
    "cli.metavar.DIR": Message("文件夹", "DIR"),
    # -- deadlines rules -----------------------------------------------------------------------
    "cli.summary.rules": Message(
        "列出规则：编号、条、时限、名称", "list the rules: id, article, limit, title"
    ),
    "cli.description.rules": Message(
        "列出《意见》的规则：固定编号、条、时限和名称。--json 输出每个版本的全部字段，时限为带类型"
        "标记的结构。",
        "List the rules of the opinion: stable id, article, limit and title. --json prints "
        "every field of every version, the limit as a tagged structure.",
    ),
    "cli.rules.header": Message("编号|条款|时限|名称", "ID|ART.|LIMIT|TITLE"),
    "cli.rules.article": Message("第{n:cn}条", "{n}"),
    # -- deadlines due -------------------------------------------------------------------------
    "cli.summary.due": Message("计算一件事项的办理时限", "when a limit ends for one trigger"),
    "cli.description.due": Message(
        "按规则计算自 --at 起算的办理时限：到期时间、期限最后一日，以及所依据的《意见》原文。",
        "When the limit of RULE ends for a trigger at --at: the due instant, the last day of "
        "the period, and the sentence of the opinion it rests on.",
    ),
    "cli.due.rule": Message(
        "规则编号，例如 minutes.executive", "a rule id, e.g. minutes.executive"
    ),
    "cli.due.at": Message(
        f"起算时间，ISO 8601 格式，例如 {_AT}；不带时区时按北京时间",
        f"the trigger, ISO 8601, e.g. {_AT}; without an offset it is Asia/Shanghai",
    ),
    "cli.due.param": Message(
        "规则所需的参数，例如 limit_days=15；可多次指定",
        "a parameter the rule needs, e.g. limit_days=15; repeatable",
    ),
    # -- deadlines batch -----------------------------------------------------------------------
    "cli.summary.batch": Message(
        "批量计算办理时限：读入 jsonl 或 csv 格式，按同一格式输出",
        "due dates for many triggers: JSON Lines or CSV in, the same out",
    ),
    "cli.description.batch": Message(
        "为文件中的每条记录计算办理时限（未指定文件或为 - 时读标准输入）：每条记录输出一行，顺序"
        "与输入相同。有误的记录输出一行错误，注明行号和字段，其余照常计算，此时退出状态为1。",
        "Compute a due date for each record of FILE (standard input without FILE or with -): "
        "one output line per record, in input order. A bad record gives an error line naming "
        "its line and field, and the batch goes on; the exit status is then 1.",
    ),
    "cli.batch.file": Message("输入文件；- 或不指定时读标准输入", "the input; - or none for stdin"),
    "cli.batch.format": Message(
        "输入格式：jsonl（默认）或 csv（文件名以 .csv 结尾时默认为 csv）",
        "the input format: jsonl (the default) or csv (the default for a FILE ending .csv)",
    ),
    "cli.batch.output_format": Message(
        "输出格式；默认与输入格式相同", "the output format; the input format by default"
    ),
    "cli.batch.explain": Message("每条结果附计算过程（较慢）", "add each result's trace (slower)"),
    "cli.batch.jobs": Message(
        "工作进程数，0 为每个处理器核一个（默认1）；输出仍保持输入顺序",
        "worker processes, 0 for one per core (default 1); the output keeps input order",
    ),
    "error.jobs": Message(
        "应为1至{most}之间的进程数（每个处理器核至多4个），或0（每核一个）；实际为{value}",
        "must be a number of processes from 1 to {most} (4 per core), or 0 for one per core; "
        "got {value}",
    ),
    # -- deadlines calendar --------------------------------------------------------------------
    "cli.summary.calendar": Message(
        "显示一个月或一年：休息日、节假日、调休上班日",
        "show a month or a year: rest days, holidays, adjusted working days",
    ),
    "cli.description.calendar": Message(
        "显示国家工作日历的一个月（年份-月份）或全年（年份）；不指定时显示本月。日期后的标记："
        "- 周末，* 节假日，+ 调休上班，? 暂定。",
        "Show a month (YEAR-MM) or a whole year (YEAR) of the official calendar; the current "
        "month without an argument. Each day's number is followed by its mark: - weekend, "
        "* holiday, + adjusted working day (调休上班), ? provisional.",
    ),
    "cli.calendar.when": Message(
        "年份（2026）或月份（2026-10）；默认为本月",
        "a year (2026) or a month (2026-10); the current month by default",
    ),
    "cli.calendar.json": Message(
        "以 JSON 数组输出节假日和调休上班日",
        "print the holidays and adjusted working days as a JSON array",
    ),
    "cli.calendar.csv": Message(
        "以带表头的 CSV 输出节假日和调休上班日",
        "print the holidays and adjusted working days as CSV with a header line",
    ),
    "cli.calendar.ics": Message(
        "以 ICS 日历文件（RFC 5545）输出节假日和调休上班日，每天一个全天事件",
        "print the holidays and adjusted working days as an iCalendar file (RFC 5545), one "
        "all-day event per day",
    ),
    # -- deadlines check -----------------------------------------------------------------------
    "cli.summary.check": Message(
        "由事件生成的每个督办事项的办理状态及督办提示",
        "the status of every obligation that events create, with warnings",
    ),
    "cli.description.check": Message(
        "读入事件和办结记录（jsonl 格式），生成各事件产生的督办事项，报告每项在 --at 时的状态："
        "未到期、临期预警、逾期未办（逾期较久的提请督办）、按期办结或逾期办结；按规则和状态分类统计；"
        "督办提示；“无会月”执行情况、领导调研天数和季度调度、通报。即使有逾期事项，退出状态也为0；有输入行无效时（注明行号）为1；用法"
        "错误为2。",
        "Read events and completions (JSON Lines), derive every obligation they create, and "
        "report each one's status at --at: open, warning, overdue, met or late; counts by rule "
        "and by status; the warnings; the no-meeting month, the field-research quota and the "
        "quarterly supervision. Exit status 0 even when obligations are overdue, 1 when some "
        "input lines were not valid (reported with their line numbers), 2 for a usage error.",
    ),
    "cli.check.events": Message(
        f"jsonl 格式（每行一个 JSON 对象）的事件，例如 {_EVENTS}；- 读标准输入",
        f"events as JSON Lines, e.g. {_EVENTS}; - reads standard input",
    ),
    "cli.check.at": Message(
        f"报告时点，ISO 8601 格式，例如 {_AT}（不带时区时按北京时间）；默认为当前时间",
        f"the moment of the report, ISO 8601, e.g. {_AT} (Asia/Shanghai without an offset); "
        "now by default",
    ),
    "cli.check.jobs": Message(
        "进程数，0 为每个处理器核一个（默认1）：输出 --json 或 --csv 时，按事件编号将事件分给各进程"
        "分别建账，报告与单进程完全相同",
        "processes, 0 for one per core (default 1): with --json or --csv, the events are shared "
        "among them by event id, each building its part of the ledger; the report is the same "
        "as one process's",
    ),
    "cli.check.json": Message("以 JSON 格式输出报告", "print the report as JSON"),
    "cli.check.csv": Message("每个督办事项输出一行 CSV", "print one CSV row per obligation"),
    "cli.check.ics": Message(
        "另将未办结事项写入 ICS 日历文件（RFC 5545）；需先安装 deadlines[ics]",
        "also write the open obligations to FILE as an iCalendar (RFC 5545) calendar; needs "
        "pip install 'deadlines[ics]'",
    ),
    "cli.check.warn_days": Message(
        "到期前若干个工作日起临期预警（默认1）",
        "warn N working days before the due instant (default 1)",
    ),
    "cli.check.warn_fraction": Message(
        "时限已过去的比例达到该值时起临期预警，例如 0.8",
        "warn once the fraction F of the limit has elapsed, e.g. 0.8",
    ),
    "cli.check.escalate_after": Message(
        "逾期达到若干个工作日时提请督办（默认5）",
        "escalate from the N-th working day overdue (default 5)",
    ),
    "cli.check.explain": Message(
        "另列出该事项到期时间的计算过程（含暂停计时）；可多次指定",
        "also print how the due instant of OBLIGATION was counted (its pauses included); "
        "repeatable",
    ),
    "cli.check.color": Message(
        "表格着色并分组：auto（终端且未设 NO_COLOR 时）、always、never",
        "colour and group the table: auto (a terminal without NO_COLOR), always, never",
    ),
    # -- deadlines test ------------------------------------------------------------------------
    "cli.summary.test": Message(
        "运行政策测试用例文件（*.deadlines.toml）", "run policy case files (*.deadlines.toml)"
    ),
    "cli.description.test": Message(
        "运行测试用例文件：每个用例向政策给出一个起算时间，核对预期的到期时间、期限最后一日、"
        "暂定标记或状态。文件夹中查找 *.deadlines.toml。全部通过时退出状态为0，否则为1。",
        "Run case files: each case puts a trigger to a policy and checks the due instant, due "
        "date, provisional flag or status it expects. Folders are searched for "
        "*.deadlines.toml. Exit status 0 when every case passes, 1 otherwise.",
    ),
    "cli.test.paths": Message(
        "用例文件或文件夹，例如 examples/policy-change",
        "a case file or a folder, e.g. examples/policy-change",
    ),
    "cli.test.quiet": Message("只输出未通过的用例和汇总", "print only failures and the summary"),
    # -- deadlines diff ------------------------------------------------------------------------
    "cli.summary.diff": Message("比较两版政策的差异", "what changes from one policy to another"),
    "cli.description.diff": Message(
        "对同一组起算时间分别适用两版政策，按规则列出结果有变化的每个起算时间，附统计和最大变动。"
        "起算时间取自测试用例文件（--cases），或取 --from 至 --to 之间每个工作日的每个工作小时，"
        "逐条规则计算。有变化时退出状态为1，无变化时为0。",
        "Apply two policies to the same triggers and list every trigger whose result changes, "
        "grouped by rule, with counts and the largest shifts. The triggers are the cases of "
        "case files (--cases), or every working hour of every working day from --from through "
        "--to for each rule. Exit status 1 when anything changed, 0 when nothing did.",
    ),
    "cli.diff.base": Message(
        "政策文件，或内置政策 opinion-2020",
        "a policy file, or a built-in policy: opinion-2020",
    ),
    "cli.diff.new": Message(
        "政策文件，或内置政策 opinion-2020",
        "a policy file, or a built-in policy: opinion-2020",
    ),
    "cli.diff.cases": Message(
        "提供起算时间的测试用例文件或 *.deadlines.toml 文件夹；可多次指定",
        "case files or folders of *.deadlines.toml whose triggers to use; repeatable",
    ),
    "cli.diff.from": Message(
        "日期范围的第一天，例如 2027-01-01", "the first day of a range, e.g. 2027-01-01"
    ),
    "cli.diff.to": Message(
        "日期范围的最后一天，例如 2027-03-31", "the last day of a range, e.g. 2027-03-31"
    ),
    "cli.diff.rule": Message(
        "只比较该规则，例如 routing.ordinary；可多次指定",
        "only this rule, e.g. routing.ordinary; repeatable",
    ),
    "cli.diff.summary": Message(
        "只输出统计和最大变动，不逐条列出",
        "only the counts and largest shifts, not every changed trigger",
    ),
    # -- deadlines schema ----------------------------------------------------------------------
    "cli.summary.schema": Message(
        "政策文件或测试用例文件的 JSON 结构定义", "the JSON Schema of policy files or case files"
    ),
    "cli.description.schema": Message(
        "输出政策文件（默认）或测试用例文件（*.deadlines.toml）的 JSON 结构定义，供其他系统校验。"
        "TOML 文件按其表格对应的 JSON 校验。",
        "Print the JSON Schema of policy files (the default) or of case files "
        "(*.deadlines.toml), so other systems can validate them. A TOML file is checked "
        "against it as the JSON its tables make.",
    ),
    "cli.schema.which": Message(
        "policy（政策文件，默认）或 cases（测试用例文件）", "policy (the default) or cases"
    ),
    # -- deadlines plugins ---------------------------------------------------------------------
    "cli.summary.plugins": Message(
        "列出已安装的插件及其改动", "list the installed plugins and what each changes"
    ),
    "cli.description.plugins": Message(
        "列出本机为 deadlines 安装的插件及其改动：规则、日期、办公时间、计算规则。被其他插件"
        "覆盖的改动予以标明。有插件出错或两个插件冲突时退出状态为1。",
        "List the plugins installed under the entry-point group 'deadlines' and what each "
        "changes: rules, days, office hours, conventions. A change another plugin overrides is "
        "marked. Exits 1 when a plugin is broken or two plugins conflict.",
    ),
    "plugins.none": Message(
        "本机未为 deadlines 安装插件",
        "no plugins installed (entry-point group 'deadlines')",
    ),
    "plugins.head": Message(
        "{name}（{where}，模块 {module}）", "{name} ({where}, module {module})"
    ),
    "plugins.in_code": Message("代码注册", "registered in code"),
    "plugins.nothing": Message("  无改动", "  changes nothing"),
    # -- deadlines notice ----------------------------------------------------------------------
    "cli.summary.notice": Message(
        "保存下一年的节假日通知，供所有命令使用（添加、列出、删除）",
        "store next year's holiday notice once, for every command (add, list, remove)",
    ),
    "cli.description.notice": Message(
        "将国务院办公厅节假日通知（TOML 文件，格式见 examples/notice-2026.toml）保存到本机通知"
        "文件夹，供所有命令使用；列出已加载的通知；删除通知。",
        "Store a State Council holiday notice (a TOML file such as examples/notice-2026.toml) "
        "in your notice folder, so that every command uses it; list what is loaded; remove one.",
    ),
    "cli.summary.notice.add": Message("检查通知文件并保存", "check a notice file and store it"),
    "cli.description.notice.add": Message(
        "按《全国年节及纪念日放假办法》核对通知是否列明当年全部法定节假日，并保存到 "
        "$DEADLINES_HOME/notices（文件名为 年份.toml）。",
        "Check the notice against the law (every statutory festival of its year) and store it "
        "in $DEADLINES_HOME/notices as YEAR.toml.",
    ),
    "cli.notice.add.file": Message(
        "通知文件，含一个 [[notice]] 的 TOML 文件",
        "the notice, a TOML file with one [[notice]]",
    ),
    "cli.notice.add.allow_partial": Message(
        "缺少法定节假日的通知也予保存，并给出警告（现在和每次使用时）",
        "store a notice that lacks statutory days, with a warning (now and on every use)",
    ),
    "cli.summary.notice.list": Message("显示生效的通知", "show the notices in effect"),
    "cli.description.notice.list": Message("显示已保存的通知。", "Show the stored notices."),
    "cli.summary.notice.remove": Message("删除已保存的通知", "remove a stored notice"),
    "cli.description.notice.remove": Message(
        "从本机通知文件夹删除该年份的通知。",
        "Remove the notice of YEAR from your notice folder.",
    ),
    "cli.notice.remove.year": Message("通知的年份，例如 2027", "the notice's year, e.g. 2027"),
    # -- deadlines serve -----------------------------------------------------------------------
    "cli.summary.serve": Message(
        "为其他系统提供 JSON 服务（需安装 deadlines[server]）",
        "a JSON service for other systems (needs deadlines[server])",
    ),
    "cli.description.serve": Message(
        "提供 JSON 接口（计算：/v1/due、/v1/batch、/v1/check；查询：/v1/rules、/v1/calendar/年份、"
        "/v1/version、/healthz；接口说明见 /openapi.json）。默认只绑定 127.0.0.1，可用 --host 另行"
        "指定。设置了环境变量 DEADLINES_API_TOKEN 或指定 --token-file 时，除 /healthz 外每个接口"
        "都须在请求头中携带访问令牌；看板页面也可凭登录页（/login）取得的会话凭据访问。",
        "Serve the JSON API (POST /v1/due, /v1/batch, /v1/check; GET /v1/rules, "
        "/v1/calendar/YEAR, /v1/version, /healthz; the contract at /openapi.json) on uvicorn. "
        "Binds 127.0.0.1 unless --host says otherwise. When DEADLINES_API_TOKEN is set or "
        "--token-file is given, every endpoint but /healthz needs Authorization: Bearer TOKEN; "
        "the board's pages take a session cookie too, from its login page (/login).",
    ),
    "cli.serve.host": Message(
        "绑定的地址（默认 %(default)s）", "the address to bind (default %(default)s)"
    ),
    "cli.serve.port": Message("端口（默认 %(default)s）", "the TCP port (default %(default)s)"),
    "cli.serve.workers": Message("工作进程数（默认1）", "worker processes (default 1)"),
    "cli.serve.token_file": Message(
        "从该文件第一行读取访问令牌（代替 DEADLINES_API_TOKEN）",
        "read the bearer token from the first line of FILE (instead of DEADLINES_API_TOKEN)",
    ),
    "cli.serve.max_body": Message(
        "接受的最大请求字节数（默认 %(default)s），超过时回复413",
        "the largest request body accepted (default %(default)s); larger gets 413",
    ),
    "cli.serve.max_upload": Message(
        "看板上传表单接受的最大事件文件字节数（默认 %(default)s），超过时以页面说明",
        "the largest events file the board's upload form takes (default %(default)s bytes); "
        "larger gets a page saying so",
    ),
    "cli.serve.timeout": Message(
        "读取并答复一个请求的最长秒数（默认 %(default)s），超过时回复408",
        "how long a request may take to be read and answered (default %(default)s); longer "
        "gets 408",
    ),
    "cli.serve.cors_origin": Message(
        "允许该来源（例如 http://oa.county.local）的浏览器页面调用接口；可多次指定；不指定则不"
        "允许跨源调用",
        "allow browser pages from ORIGIN (e.g. http://oa.county.local) to call the API; "
        "repeatable; no CORS without it",
    ),
    "cli.serve.events_dir": Message(
        "存放事件文件（jsonl 格式）的文件夹，看板可按文件名打开",
        "a folder of events files (JSON Lines) the board may open by name",
    ),
    "cli.serve.secure_cookie": Message(
        "即使未经加密连接访问（位于终止加密连接的代理之后）也将看板会话凭据标为仅限加密连接；"
        "经加密连接访问时总是如此",
        "mark the board's session cookie Secure even over http (behind a proxy that ends TLS); "
        "over https it always is",
    ),
    "serve.missing": Message(
        "服务需要可选扩展，请运行 pip install 'deadlines[server]' 安装；缺少：{name}",
        "the service needs the optional extra: pip install 'deadlines[server]' (FastAPI and "
        "uvicorn); missing: {name}",
    ),
    "serve.no_folder": Message("没有文件夹{path}", "no such folder {path}"),
    "serve.workers": Message(
        "注意：使用 --workers {n} 时，看板上传的文件只保存在接收它的那个工作进程的内存中，之后的"
        "页面可能到达另一个工作进程而找不到它（看板会说明并提示重新上传）。--events-dir 中的文件"
        "在每个工作进程中都可用。需要上传时请只用一个工作进程；见 docs/board.md。",
        "note: with --workers {n}, a file uploaded on the board is kept in the memory of the one "
        "worker that received it, and a later page may reach another worker and find it gone "
        "(the board then says so and offers to upload again). Files of --events-dir work in "
        "every worker. For uploads, run one worker; see docs/board.md.",
    ),
}

#: argparse's own words (it spells them through gettext) in Chinese; English is argparse's.
ARGPARSE: Final[Mapping[str, str]] = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "invalid %(type)s value: %(value)r": "无效的值：%(value)r",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "one of the arguments %s is required": "须指定以下参数之一：%s",
    "expected one argument": "需要一个值",
    "expected at most one argument": "至多需要一个值",
    "expected at least one argument": "至少需要一个值",
    "expected %s argument": "需要%s个值",
    "expected %s arguments": "需要%s个值",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "ignored explicit argument %r": "多余的值 %r",
    "ambiguous option: %(option)s could match %(matches)s": (
        "有歧义的选项：%(option)s 可指 %(matches)s"
    ),
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "unexpected option string: %s": "意外的选项：%s",
    "can't open '%(filename)s': %(error)s": "无法打开“%(filename)s”：%(error)s",
}
