<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="ja">
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../planner/ui/export_dialog.py" line="+129"/>
        <source>文書を出力</source>
        <extracomment>(parent, caption, suggested path, filter) → chosen path, &apos;&apos; when cancelled. Opens a file or folder URL with the system&apos;s application.</extracomment>
        <translation>Export the document</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>参照…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>点検結果を別表3として含める</source>
        <translation>Include the check results as Appendix 3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>確定版として出力する（エラーや【未記入】が残っていれば出力しません）</source>
        <translation>Export as the final document (refused while errors or unwritten parts remain)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>確定版にしないときは、エラーや未記入が残っている間、表紙とヘッダーに「（案）」が付きます。</source>
        <translation>Otherwise, while errors or unwritten parts remain, the cover and header say (draft).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Word 文書（.docx）</source>
        <translation>Word document (.docx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF（.pdf、目次にページ番号）</source>
        <translation>PDF (.pdf, contents with page numbers)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>テンプレート(&amp;T)</source>
        <translation>&amp;Template</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>保存先(&amp;S)</source>
        <translation>&amp;Save to</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>形式</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>オプション</source>
        <translation>Options</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>出力(&amp;E)</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>点検結果を出力(&amp;R)…</source>
        <translation>Export check &amp;results…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>文書を開く(&amp;O)</source>
        <translation>&amp;Open document</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>フォルダを開く(&amp;F)</source>
        <translation>Open &amp;folder</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>計画</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>テンプレートを読み込めません: {0}</source>
        <translation>Cannot load the template: {0}</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>PDFを作るには LibreOffice 又は Microsoft Word が必要です。.docx で出力し、Word で PDF として保存することもできます。</source>
        <translation>Making a PDF needs LibreOffice or Microsoft Word. You can export a .docx and save it as PDF from Word.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>保存先のファイル名を入力してください。</source>
        <translation>Enter the file name to save to.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>出力しています…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>_点検結果</source>
        <translation>_check-results</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV（Excel用） (*.csv);;JSON (*.json);;テキスト (*.txt)</source>
        <translation>CSV for Excel (*.csv);;JSON (*.json);;Text (*.txt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>点検結果の保存先</source>
        <translation>Save the check results to</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>点検結果を出力しました: {0}</source>
        <translation>Check results exported: {0}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>文書の保存先</source>
        <translation>Save the document to</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Word文書 (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>出力しました: {0}</source>
        <translation>Exported: {0}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>出力できませんでした。{0}</source>
        <translation>Could not export. {0}</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../planner/ui/problems_panel.py" line="+70"/>
        <source>計画全体</source>
        <extracomment>Column order of the table. Role giving the Finding of a row; the sort role of the severity column is its rank.</extracomment>
        <translation>Whole plan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location line="+29"/>
        <source>重要度</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ルール</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>対象</source>
        <translation>Concerns</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>内容</source>
        <translation>Finding</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>根拠</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>対処</source>
        <translation>What to do</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>根拠：</source>
        <translation>Reference: </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>対処：</source>
        <translation>What to do: </translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>FiscalYearSpinBox</name>
    <message>
        <location filename="../../planner/ui/editors/fyspin.py" line="+46"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>（未設定）</source>
        <translation>(not set)</translation>
    </message>
</context>
<context>
    <name>GraphView</name>
    <message>
        <location filename="../../planner/ui/graph_view.py" line="+91"/>
        <source>個人</source>
        <extracomment>Item fields the picture draws besides the title: boxes, lines, their flow, the personal tag, gap marks and the pillar bands. An edit of any other field leaves the graph as is. How long structural edits are gathered before the one re-layout they cause (ms). The smallest zoom the automatic fits use across: titles stay about 9 px or more.</extracomment>
        <translation>Personal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>要配慮</source>
        <translation>Special care</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>特定個人</source>
        <translation>My Number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>非識別</source>
        <translation>De-identified</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>この課題に対応する施策がありません</source>
        <translation>No measure addresses this issue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>この施策が対応する課題がありません</source>
        <translation>This measure addresses no issue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>この施策を評価するKPIがありません</source>
        <translation>No KPI evaluates this measure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>このKPIの測定元データがありません</source>
        <translation>This KPI has no source data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>このデータを使う施策・KPIがありません</source>
        <translation>No measure or KPI uses this data</translation>
    </message>
    <message>
        <location line="+335"/>
        <source>拡大</source>
        <extracomment>The legend&apos;s sample of each pen style.</extracomment>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>拡大（Ctrl+ホイール、＋キー）</source>
        <translation>Zoom in (Ctrl+wheel, + key)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>縮小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>縮小（Ctrl+ホイール、－キー）</source>
        <translation>Zoom out (Ctrl+wheel, − key)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>全体表示</source>
        <translation>Fit all</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>全体を表示（0キー）</source>
        <translation>Show the whole plan (0 key)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>幅に合わせる</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>列の幅に合わせて表示</source>
        <translation>Fit the columns to the width</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>施策体系でまとめる</source>
        <translation>Group by pillar</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+130"/>
        <source>この計画には施策体系がありません</source>
        <translation>This plan has no pillars (measure structure)</translation>
    </message>
    <message>
        <location line="-128"/>
        <source>評価の線を表示</source>
        <translation>Show evaluation links</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KPIがどの施策を評価するかを線で示します</source>
        <translation>Draw a line from each KPI to the measures it evaluates</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>つながりの欠落</source>
        <translation>Missing link</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>線の色はデータの流れ（利用・提供・公開）を表します</source>
        <translation>Line colours show how data flows (use, provision, publication)</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>施策を施策体系の順に並べ、体系ごとに枠で囲みます</source>
        <translation>Order the measures by pillar and frame each pillar&apos;s measures</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+77"/>
        <source>地域課題</source>
        <translation>Local issues</translation>
    </message>
    <message>
        <location line="-77"/>
        <location line="+78"/>
        <source>施策</source>
        <translation>Measures</translation>
    </message>
    <message>
        <location line="-78"/>
        <location line="+79"/>
        <source>データ</source>
        <translation>Data</translation>
    </message>
    <message>
        <location line="-79"/>
        <location line="+79"/>
        <source>KPI</source>
        <translation>KPIs</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>…ほか{0}件</source>
        <translation>…and {0} more</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <location filename="../../planner/ui/problems_panel.py" line="+125"/>
        <source>この重要度の指摘を表示する／隠す</source>
        <translation>Show or hide findings of this severity</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>検索（ルール・対象・内容）</source>
        <translation>Search (rule, item, finding)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>点検結果の検索</source>
        <translation>Search the findings</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>指摘を選ぶと、ここに詳細が表示されます</source>
        <translation>Select a finding to see its details here</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>点検結果</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>「{0}」の列を表示</source>
        <translation>Show the “{0}” column</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>{0} {1}</source>
        <translation>{0} {1}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} {1} 件を非表示</source>
        <translation>{0}: {1} hidden</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>根拠：</source>
        <translation>Reference: </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>対処：</source>
        <translation>What to do: </translation>
    </message>
</context>
<context>
    <name>Severity</name>
    <message>
        <location filename="../../planner/ui/severity.py" line="+25"/>
        <source>エラー</source>
        <translation>Error</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>警告</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>情報</source>
        <translation>Info</translation>
    </message>
</context>
<context>
    <name>form</name>
    <message>
        <location filename="../../planner/ui/editors/data_form.py" line="+34"/>
        <source>データ</source>
        <translation>Data source</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/forms.py" line="+22"/>
        <source>地域課題</source>
        <translation>Local issue</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>施策</source>
        <translation>Measure</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/kpi_form.py" line="+145"/>
        <source>KPI</source>
        <extracomment>Meaningless for a qualitative KPI (measured in words).</extracomment>
        <translation>KPI</translation>
    </message>
</context>
<context>
    <name>help</name>
    <message>
        <location filename="../../planner/ui/help.py" line="+32"/>
        <source>取得経路（データをどこから得るか）</source>
        <extracomment>Vocabularies in the glossary, in the order a plan is written.</extracomment>
        <translation>Acquisition (where the data comes from)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>データの種類（個人情報かどうか）</source>
        <translation>Category (whether it is personal information)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>流れ（施策がデータをどう扱うか）</source>
        <translation>Flow (what the measure does with the data)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>目的との関係</source>
        <translation>Relation to the purpose</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>法的根拠</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>安全管理措置</source>
        <translation>Safety measures</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ライセンス</source>
        <translation>Licence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>改ざん対策</source>
        <translation>Tampering protection</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>形式</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>更新頻度</source>
        <translation>Update frequency</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KPIの種別</source>
        <translation>KPI type</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>最小セル数</source>
        <translation>Minimum cell size</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>統計情報を公開するとき、表の中で最も人数の少ない区分（セル）の人数。3未満だと、少人数の区分から個人が特定されるおそれがあります（点検 OPN007）。</source>
        <translation>When statistics are published, the number of people in the smallest cell of a table. Below 3, a small cell can identify someone (check OPN007).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>標準データセット</source>
        <translation>Standard dataset</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>デジタル庁の「自治体標準オープンデータセット」。番号（01 公共施設一覧、05 子育て施設一覧 など）を付けて公開すると、他の自治体のデータと一緒に使えます。一覧はこの用語集の最後にあります。</source>
        <translation>The Digital Agency&apos;s standard open datasets for local governments. Published with their number (01 public facilities, 05 childcare facilities …), the data combines with other municipalities&apos; data. The list is at the end of this glossary.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>保有目的</source>
        <translation>Original purpose</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>データを取得・保有している本来の目的。これと違う目的で使うと「目的外利用」になります。</source>
        <translation>The purpose for which the data was collected and is held. Using it for another purpose is use beyond the purpose.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>KPI</source>
        <translation>KPI</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>重要業績評価指標。施策の進み具合（進捗）や成果（効果）を数値で測る指標です。</source>
        <translation>Key performance indicator: a number that measures a measure&apos;s progress or its effect.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>用語集</source>
        <translation>Glossary</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>入力画面のことば</source>
        <translation>Words of the forms</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>官民データ活用推進基本法の条項</source>
        <translation>Articles of the Basic Act on the Advancement of Public and Private Sector Data Utilization</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>第%1条</source>
        <translation>Art. %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>自治体標準オープンデータセット</source>
        <translation>Standard open datasets for local governments</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>重要度：</source>
        <translation>Severity: </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>根拠：</source>
        <translation>Reference: </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>対処：</source>
        <translation>What to do: </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>点検ルール一覧</source>
        <translation>Check rules</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>点検の各行の「ルール」欄の記号です。法令に関する指摘は根拠条文を示します。最終的な判断は法務担当部署に確認してください。</source>
        <translation>The codes in the Rule column of the check step. Legal findings name the article they rest on; confirm the final judgement with your legal department.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>一覧に項目を追加</source>
        <translation>Add an item to the list</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>選んだ項目を複製</source>
        <translation>Duplicate the selected item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>選んだ項目を削除（一覧で）</source>
        <translation>Delete the selected item (in the list)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>選んだ項目を上へ／下へ</source>
        <translation>Move the selected item up / down</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>一覧の絞り込み・点検の検索</source>
        <translation>Filter the list / search the findings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>次の欄へ／前の欄へ</source>
        <translation>Next field / previous field</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>点検の行から直す項目へ移動</source>
        <translation>Go from a finding to the field to fix</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>関係図の拡大／縮小／全体表示</source>
        <translation>Graph: zoom in / zoom out / show all</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>キーボードショートカット</source>
        <extracomment>A Japanese menu text&apos;s access key, 「(&amp;E)」, which is noise in a list of shortcuts.</extracomment>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>サンプル計画の説明</source>
        <translation>About the sample plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>点検ルール（詳細）</source>
        <translation>Check rules (details)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>テンプレートパックの作り方</source>
        <translation>Making template packs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>情報システム担当者向けガイド</source>
        <translation>Guide for IT staff</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>インストール</source>
        <translation>Installation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>セキュリティ</source>
        <translation>Security</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>safety</name>
    <message>
        <location filename="../../planner/ui/guard.py" line="+56"/>
        <source>これは planner に同梱のサンプルです。編集した内容は「名前を付けて保存」で保存してください。</source>
        <extracomment>our lock was taken over by someone else (message). read-only state or ``notice`` changed (the window updates title and banner). why the plan is read-only, in the UI language (&apos;&apos; when editable).</extracomment>
        <translation>This is the sample bundled with planner. Use “Save As” to keep your edits.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>このファイルは読み取り専用に設定されています。</source>
        <translation>This file is set read-only.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <source>変更は「名前を付けて保存」で別のファイルに保存できます。</source>
        <translation>You can keep your changes in another file with “Save As”.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>読み取り専用</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>この計画は読み取り専用で開いています。別名で保存してください。</source>
        <translation>This plan is open read-only. Save it under another name.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/safety.py" line="+96"/>
        <source>復旧用コピーを保存できません（%1）</source>
        <extracomment>path of the recovery copy just written. a recovery copy could not be written (message in the UI language).</extracomment>
        <translation>Cannot save the recovery copy (%1)</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>復旧できません</source>
        <translation>Cannot recover</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>読み取り専用で開きます</source>
        <translation>Opening read-only</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>ロックを引き継げません</source>
        <translation>Cannot take over the lock</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 は %2 が開いたままです（異常終了で残ったロックの可能性があります）。</source>
        <translation>%1 is still open by %2 (the lock may be left over from a crash).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 は %2 が編集中です。</source>
        <translation>%1 is being edited by %2.</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>編集ロックが失われました</source>
        <translation>The edit lock was lost</translation>
    </message>
    <message>
        <location filename="../../planner/ui/prompts.py" line="+101"/>
        <location filename="../../planner/ui/safety.py" line="+5"/>
        <source>使用中の計画ファイル</source>
        <translation>Plan file in use</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>保存されていない変更の復旧</source>
        <extracomment>Set by screenshot scripts to see each box instead of running it.</extracomment>
        <translation>Recover unsaved changes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>前回、planner が正常に終了しませんでした。次の復旧用コピーがあります。</source>
        <translation>planner did not close normally last time. This recovery copy is available.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>復旧する(&amp;R)</source>
        <translation>&amp;Recover</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>あとで(&amp;L)</source>
        <translation>&amp;Later</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>破棄する(&amp;D)</source>
        <translation>&amp;Discard</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>読み取り専用で開く(&amp;R)</source>
        <translation>Open &amp;read-only</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ロックを引き継いで編集する(&amp;T)</source>
        <translation>&amp;Take over the lock and edit</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+9"/>
        <location line="+7"/>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>ファイルが変更されています</source>
        <translation>The file has changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <source>別名で保存(&amp;A)</source>
        <translation>Save &amp;As</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>上書きする(&amp;O)</source>
        <translation>&amp;Overwrite</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>保存できませんでした</source>
        <translation>Could not save</translation>
    </message>
</context>
<context>
    <name>ui</name>
    <message>
        <location filename="../../planner/ui/commands.py" line="+72"/>
        <source>「%1」の変更</source>
        <translation>Change “%1”</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>「%1」の追加</source>
        <translation>Add “%1”</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>「%1」の並べ替え</source>
        <translation>Reorder “%1”</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>施策「%1」の対応する課題から外れます</source>
        <translation>It is removed from the issues of measure “%1”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>施策体系「%1」の対応する課題から外れます</source>
        <translation>It is removed from the issues of pillar “%1”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>KPI「%1」の評価対象から外れます</source>
        <translation>It is removed from the measures KPI “%1” evaluates</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>施策「%1」のデータ利用が削除されます</source>
        <translation>The data use of measure “%1” is deleted</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>KPI「%1」の出典データが空になります</source>
        <translation>KPI “%1” loses its source data</translation>
    </message>
    <message>
        <location line="+33"/>
        <location filename="../../planner/ui/editors/pillar_tree.py" line="+151"/>
        <source>「%1」の削除</source>
        <translation>Delete “%1”</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1（コピー）</source>
        <translation>%1 (copy)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>「%1」の複製</source>
        <translation>Duplicate “%1”</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/uses_table.py" line="+138"/>
        <location filename="../../planner/ui/steps.py" line="+43"/>
        <source>データ</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/form_builder.py" line="+96"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/data_form.py" line="+1"/>
        <source>データ名(&amp;T)</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>例：住民基本台帳</source>
        <translation>e.g. Basic resident register</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>取得経路(&amp;A)</source>
        <translation>&amp;Acquisition</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>種類(&amp;C)</source>
        <translation>&amp;Category</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>例：市民課</source>
        <translation>e.g. Citizens Division</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>保有課(&amp;O)</source>
        <translation>H&amp;older</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>保有目的</source>
        <translation>Original purpose</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>例：住民の居住関係の公証</source>
        <translation>e.g. Certifying residents&apos; addresses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>このデータを取得・保有している本来の目的。目的外利用かどうかの判断基準です。</source>
        <translation>The purpose for which the data was collected and is held; it decides whether a use is beyond the purpose.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>形式(&amp;R)</source>
        <translation>Fo&amp;rmat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>更新頻度</source>
        <translation>Update frequency</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>個人情報の取扱い</source>
        <translation>Handling of personal information</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>保存期間</source>
        <translation>Retention</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>例：5年</source>
        <translation>e.g. 5 years</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>個人情報を含むデータでは必ず定めます（保存期間の制限）。</source>
        <translation>Required for data containing personal information (limited retention).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>安全管理措置</source>
        <translation>Safety measures</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>保有・受領の法的根拠</source>
        <translation>Legal basis for holding</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../planner/ui/editors/uses_table.py" line="+148"/>
        <source>（なし）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>協定・契約</source>
        <translation>Agreement or contract</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>例：データ連携協定</source>
        <translation>e.g. Data partnership agreement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>民間との共同利用・第三者からの提供・民間への提供では、協定や契約の名称を書きます。</source>
        <translation>For joint use with, receipt from or provision to a private party, name the agreement or contract.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>本人同意</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>例：申請書で同意を取得</source>
        <translation>e.g. Consent obtained on the application form</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>最小セル数</source>
        <translation>Minimum cell size</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>統計情報を公開するとき、最も小さい集計区分の人数。3未満は個人の特定につながります。</source>
        <translation>When statistics are published, the number of people in the smallest cell. Fewer than 3 can identify individuals.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>オープンデータとして公開する計画</source>
        <translation>Open-data publication plan</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>「公開しない」ので、ライセンスから改ざん対策までの欄は使いません（入力した内容は消えずに残り、「公開する」に戻すと使えます）。</source>
        <translation>Not published, so the fields from licence to tampering protection do not apply (what was entered stays, and applies again when published).</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>公開</source>
        <translation>Publish</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>（未定）</source>
        <translation>(undecided)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>公開する</source>
        <translation>Publish</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>公開しない</source>
        <translation>Do not publish</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ライセンス</source>
        <translation>Licence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>公開形式</source>
        <translation>Published format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>料金（円）</source>
        <translation>Fee (yen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>オープンデータは無償です（0円）。</source>
        <translation>Open data is free of charge (0 yen).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>タグ</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>例：防災、避難所</source>
        <translation>e.g. disaster prevention, shelters</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>標準データセット</source>
        <translation>Standard dataset</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>自治体標準オープンデータセットに当たるものにチェックを付けます（カタログはいくつでも）。</source>
        <translation>Tick the standard municipal open datasets this source covers (a catalogue may cover several).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>データセット数</source>
        <translation>Number of datasets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>このデータが公開カタログ全体を表すとき、公開しているデータセットの数。</source>
        <translation>When this source stands for a whole published catalogue: how many datasets it publishes.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>改ざん対策</source>
        <translation>Tamper protection</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>「%1」なので、保存期間・安全管理措置・本人同意の欄は使いません（入力した内容は消えずに残ります）。</source>
        <translation>%1: retention, safety measures and consent do not apply (what was entered stays).</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/entity_editor.py" line="+59"/>
        <source>絞り込み（名前・ID）</source>
        <translation>Filter (name or ID)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>一覧の絞り込み</source>
        <translation>Filter the list</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>まだ何もありません。
下の「追加」ボタン（Ctrl+Shift+N）で最初の1件を作ります。</source>
        <translation>Nothing here yet.
Use the Add button below (Ctrl+Shift+N) to create the first one.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>一覧</source>
        <translation>List</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>追加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>新しい項目を追加（Ctrl+Shift+N）</source>
        <translation>Add a new item (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>複製</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>選んだ項目を複製（Ctrl+D）</source>
        <translation>Duplicate the selected item (Ctrl+D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../planner/ui/editors/pillar_tree.py" line="+118"/>
        <source>削除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>選んだ項目を削除（Delete）</source>
        <translation>Delete the selected item (Delete)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>上へ移動（Alt+↑）</source>
        <translation>Move up (Alt+↑)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>下へ移動（Alt+↓）</source>
        <translation>Move down (Alt+↓)</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/explain.py" line="+22"/>
        <source>&lt;b&gt;データの種類：&lt;/b&gt;%1 — %2</source>
        <translation>&lt;b&gt;Data category: &lt;/b&gt;%1 — %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../planner/ui/editors/uses_table.py" line="-148"/>
        <source>流れ</source>
        <translation>Flow</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../planner/ui/editors/uses_table.py" line="+0"/>
        <source>目的との関係</source>
        <translation>Relation to purpose</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../planner/ui/editors/uses_table.py" line="+0"/>
        <source>法的根拠</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;%1：&lt;/b&gt;%2 — %3</source>
        <translation>&lt;b&gt;%1: &lt;/b&gt;%2 — %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;理由・説明：&lt;/b&gt;%1</source>
        <translation>&lt;b&gt;Rationale:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>行を選ぶと、選んだ流れ・目的・法的根拠の意味がここに表示されます。</source>
        <translation>Select a row to see here what its flow, purpose and legal basis mean.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/fields.py" line="+130"/>
        <location filename="../../planner/ui/editors/kpi_form.py" line="+4"/>
        <location filename="../../planner/ui/editors/links.py" line="+148"/>
        <location filename="../../planner/ui/editors/uses_table.py" line="+91"/>
        <location line="+46"/>
        <location line="+11"/>
        <location filename="../../planner/ui/editors/v2_fields.py" line="+30"/>
        <source>（未選択）</source>
        <translation>(not selected)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>選ぶと、その意味がここに表示されます。</source>
        <translation>Choose one to see what it means here.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>（未設定）</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <location line="+60"/>
        <location filename="../../planner/ui/editors/plan_date.py" line="+39"/>
        <source>設定する</source>
        <translation>Set</translation>
    </message>
    <message>
        <location filename="../../planner/ui/steps.py" line="-4"/>
        <source>地域課題</source>
        <translation>Local issues</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/forms.py" line="-15"/>
        <source>課題名(&amp;T)</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>例：高齢者の移動手段の確保</source>
        <translation>e.g. Transport for older residents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>説明(&amp;D)</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>どのような課題か、誰が困っているか</source>
        <translation>What the issue is and who is affected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>例：国勢調査（2020年）で高齢化率35％</source>
        <translation>e.g. 2020 census: 35 % of residents aged 65 or over</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>根拠(&amp;N)</source>
        <translation>Evide&amp;nce</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>課題の根拠となる統計やデータ（EBPM）。空欄だと点検で指摘されます。</source>
        <translation>Statistics or data that show the issue (evidence-based policy making). The check flags an empty field.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/steps.py" line="+3"/>
        <source>施策</source>
        <translation>Measures</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/forms.py" line="+11"/>
        <source>施策名(&amp;T)</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>例：デマンド交通の運行最適化</source>
        <translation>e.g. Optimising on-demand transport</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>内容(&amp;D)</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>何をするか</source>
        <translation>What the measure does</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>施策体系(&amp;P)</source>
        <translation>&amp;Pillar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>この施策が属するいちばん下の階層。施策体系は「施策体系」タブで作ります。</source>
        <translation>The lowest pillar this measure belongs to. Build the pillars in the &quot;Pillars&quot; tab.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>例：企画課</source>
        <translation>e.g. Planning Division</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>主管課 ◎(&amp;O)</source>
        <translation>Lead department ◎(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>施策を主に担当する課。</source>
        <translation>The department mainly responsible for the measure.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>連携課 ○</source>
        <translation>Cooperating ○</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>連携して取り組む課を1行に1つ。</source>
        <translation>Departments that work on it together, one per row.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>開始年度</source>
        <translation>Start FY</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>終了年度</source>
        <translation>End FY</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>計画期間の中に収めてください。</source>
        <translation>Keep within the plan period.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>対応する地域課題</source>
        <translation>Issues addressed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>課題(&amp;I)</source>
        <translation>&amp;Issues</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>この施策が解決をめざす課題にチェックを付けます。</source>
        <translation>Tick the issues this measure aims to solve.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>基本法の条項・重点分野</source>
        <translation>Basic Act articles and priority fields</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>条項</source>
        <translation>Articles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>◎は主に該当する条項、○は関連する条項です（計画書第5章の表になります）。</source>
        <translation>◎ marks the main article, ○ a related one (they become the table in chapter 5).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>重点分野</source>
        <translation>Priority fields</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../planner/ui/editors/uses_table.py" line="-94"/>
        <location line="+1"/>
        <source>利用するデータ</source>
        <translation>Data used</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>施策体系がまだないので選べません。「施策体系」タブで作ると選べるようになります。</source>
        <translation>There is no pillar structure yet, so there is nothing to choose. Create one in the “Pillars” tab and it can be chosen here.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/kpi_form.py" line="-101"/>
        <location filename="../../planner/ui/editors/v2_fields.py" line="+64"/>
        <source>年度</source>
        <translation>FY</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+18"/>
        <source>実績値</source>
        <translation>Actual value</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>実績を追加(&amp;A)</source>
        <translation>&amp;Add an actual</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../planner/ui/editors/uses_table.py" line="-36"/>
        <source>選んだ行を削除(&amp;R)</source>
        <translation>&amp;Remove the selected row</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>実績値（年度ごと）</source>
        <translation>Actual values (by fiscal year)</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>数値または文章</source>
        <translation>Number or text</translation>
    </message>
    <message>
        <location filename="../../planner/ui/steps.py" line="+4"/>
        <source>KPI</source>
        <translation>KPIs</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/kpi_form.py" line="+6"/>
        <source>見込</source>
        <translation>Estimated</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>実績ではなく見込値のとき（計画書に「（見込）」と書かれます）。</source>
        <translation>An estimate rather than an actual value (the document prints (estimated)).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1は見込値</source>
        <translation>%1 is an estimate</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>指標名(&amp;T)</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>例：デマンド交通の月間利用者数</source>
        <translation>e.g. Monthly riders of on-demand transport</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>種別</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>定量／定性</source>
        <translation>Quantitative or qualitative</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>定量（数値で測る）</source>
        <translation>Quantitative (measured as a number)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>定性（文章で評価する）</source>
        <translation>Qualitative (assessed in words)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>単位(&amp;U)</source>
        <translation>&amp;Unit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>例：人/月</source>
        <translation>e.g. people/month</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>単位はここに書きます（値に「%」などを含めない）。</source>
        <translation>Write the unit here (never put % or the like inside a value).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>めざす方向</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>累計</source>
        <translation>Cumulative</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>累計値で測る</source>
        <translation>Measured as a cumulative total</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>各年度の値ではなく、累計で数える指標。</source>
        <translation>The KPI counts a running total, not each year&apos;s value.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>基準値・年度</source>
        <translation>Baseline and FY</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>基準値</source>
        <translation>Baseline value</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>基準年度</source>
        <translation>Baseline year</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>目標値・年度</source>
        <translation>Target and FY</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../planner/ui/editors/v2_fields.py" line="+2"/>
        <source>目標値</source>
        <translation>Target value</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>目標年度</source>
        <translation>Target year</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>目標年度は計画期間の中に、基準年度は目標年度より前にします。</source>
        <translation>The target FY lies within the plan period; the baseline FY comes before the target FY.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>目標（文章）</source>
        <translation>Target (in words)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>例：令和9年度を目途に目標値を設定</source>
        <translation>e.g. target value to be set by FY2027</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>定性の指標や、目標値を後で定める場合に書きます（目標年度も選びます）。</source>
        <translation>For a qualitative KPI or a target to be set later (choose the target year too).</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../planner/ui/editors/v2_fields.py" line="+1"/>
        <source>年度別目標</source>
        <translation>Yearly milestones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>目標年度までの途中の年度ごとの目標値。年度は計画期間の中にします。</source>
        <translation>Values to reach in the years before the target year; keep the years within the plan period.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>目標値設定の考え方</source>
        <translation>How the target was set</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>評価する施策と出典</source>
        <translation>Measures evaluated and source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>施策(&amp;M)</source>
        <translation>&amp;Measures</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>このKPIで評価する施策にチェックを付けます。</source>
        <translation>Tick the measures this KPI evaluates.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>出典データ(&amp;S)</source>
        <translation>&amp;Source data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>この指標を何のデータで測るか。前のステップ「データ」で登録したものから選びます。</source>
        <translation>The data this indicator is measured from; choose from what you registered in the “Data” step.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>実績値（毎年度の点検用）</source>
        <translation>Actual values (for the yearly review)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>定性（文章で評価する）指標なので、単位・めざす方向・累計の欄は使いません（入力した内容は消えずに残ります）。</source>
        <translation>A qualitative KPI (judged in words) does not use the unit, direction and cumulative fields (anything entered there is kept).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>定量の指標で目標値が入っているので、目標（文章）は使いません。目標値を後で定めるときは、目標値を空にしてから書きます。</source>
        <translation>This quantitative KPI has a target value, so the target in words is not used. To set the value later, clear the target value first.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/links.py" line="-119"/>
        <location line="+32"/>
        <location filename="../../planner/ui/models.py" line="+53"/>
        <source>（無題）</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <location line="-27"/>
        <location filename="../../planner/ui/editors/pillar_tree.py" line="+292"/>
        <source>（見つからないID：%1）</source>
        <translation>(unknown ID: %1)</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>（まだありません。前のステップで追加してください）</source>
        <translation>(none yet; add them in the previous step)</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>◎ 主</source>
        <translation>◎ Main</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>○ 関連</source>
        <translation>○ Related</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>第%1条</source>
        <translation>Article %1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>第%1条 %2</source>
        <translation>Art. %1 %2</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/plan_form.py" line="+20"/>
        <source>第1章 現状及び課題</source>
        <translation>Ch. 1 Current state and issues</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>自治体の人口・産業・デジタル化の現状を書きます。個々の地域課題は次のステップで登録します。</source>
        <translation>Describe the population, industry and state of digitalisation. Individual local issues are entered in the next step.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>第2章 計画の目的</source>
        <translation>Ch. 2 Purpose of the plan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>この計画で何をめざすか。</source>
        <translation>What the plan aims to achieve.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>第3章 計画の位置付け</source>
        <translation>Ch. 3 Place of the plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>総合計画など他の計画との関係。計画期間と基本法第9条の記述は自動で入ります。</source>
        <translation>How the plan relates to the comprehensive plan and others. The plan period and the Basic Act Art. 9 wording are added automatically.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>第4章 推進体制</source>
        <translation>Ch. 4 Organisation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>推進本部、CIO、各課の役割など。</source>
        <translation>Promotion headquarters, CIO, the roles of the divisions and so on.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>第5章 施策の基本的な方針</source>
        <translation>Ch. 5 Basic policy for the measures</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>方針の文章。条項ごとの施策の表は自動で作られます。</source>
        <translation>The policy in words. The table of measures by article is generated automatically.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>第7章 セキュリティ及び個人情報の適正な取扱い</source>
        <translation>Ch. 7 Security and proper handling of personal information</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>情報セキュリティポリシー、個人情報の取扱いの考え方。</source>
        <translation>The information security policy and the approach to personal information.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>計画</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>計画の名称(&amp;T)</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>例：〇〇市官民データ活用推進計画</source>
        <translation>e.g. Midorino City Public and Private Sector Data Utilization Promotion Plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>自治体名(&amp;M)</source>
        <translation>&amp;Municipality</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>例：〇〇市</source>
        <translation>e.g. Midorino City</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>団体コード</source>
        <translation>Local government code</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>全国地方公共団体コード（検査数字を含む6桁）。</source>
        <translation>The nationwide local government code (6 digits including the check digit).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>区分(&amp;K)</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>計画期間 開始年度(&amp;S)</source>
        <translation>Period &amp;start (FY)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>計画期間 終了年度(&amp;D)</source>
        <translation>Period en&amp;d (FY)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>年度は4月から翌年3月まで。和暦は自動で表示されます。</source>
        <translation>A fiscal year runs from April to March. The Japanese era year is shown automatically.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>月までしか分からないときは「年月のみ」を選びます。</source>
        <translation>When only the month is known, choose &quot;Year and month&quot;.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/plan_date.py" line="+2"/>
        <location filename="../../planner/ui/editors/v2_fields.py" line="-51"/>
        <source>年月日</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>年月のみ</source>
        <translation>Year and month</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>策定日が月までしか分からない計画（2019年3月策定など）は「年月のみ」を選びます。</source>
        <translation>For a plan adopted in a known month only (March 2019), choose &quot;Year and month&quot;.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>策定日の精度</source>
        <translation>Adoption date precision</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../planner/ui/editors/plan_form.py" line="-1"/>
        <source>策定日</source>
        <translation>Adopted on</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/plan_form.py" line="+2"/>
        <source>版(&amp;R)</source>
        <translation>Ve&amp;rsion</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>例：1</source>
        <translation>e.g. 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>表紙に「第1版」のように印刷されます。初めて策定する計画は空欄でもかまいません。</source>
        <translation>Printed on the cover as &quot;Edition 1&quot;. A plan adopted for the first time may leave it empty.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>所管課</source>
        <translation>Department</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>例：企画部企画課</source>
        <translation>e.g. Planning Division</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>表紙に印刷されます。</source>
        <translation>Printed on the cover.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>問い合わせ先</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>例：企画課 電話 0000-00-0000 kikaku@example.lg.jp</source>
        <translation>e.g. Planning Division, tel. 0000-00-0000, kikaku@example.lg.jp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>各章の本文</source>
        <translation>Chapter texts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>第6章 個別施策と別表（KPI一覧・データ一覧）は、地域課題・施策・データ・KPIの各ステップの内容から自動で作られます。空欄の章は、計画書では【未記入】と示されます。標準的な文例は「例文を挿入」で入れ、自治体に合わせて直せます。</source>
        <translation>Chapter 6 (measures) and the appendix tables (KPIs, data) are built from the issue, measure, data and KPI steps. An empty chapter shows as a shaded placeholder in the document; &quot;Insert example text&quot; adds standard wording to adapt.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>関連計画・策定経過・用語集</source>
        <translation>Related plans, history, glossary</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../planner/ui/editors/v2_fields.py" line="-6"/>
        <source>関連計画</source>
        <translation>Related plans</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>総合計画など、この計画が位置付けられる計画・兼ねる計画・整合を図る計画。第3章に書かれます。</source>
        <translation>Plans this one sits under, doubles as or aligns with (the comprehensive plan…). Written in chapter 3.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../planner/ui/editors/v2_fields.py" line="+8"/>
        <source>策定経過</source>
        <translation>History</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>年月日は 2026-02-10 または 2026-02（月まで）の形で入力します。</source>
        <translation>Type dates as 2026-02-10, or 2026-02 for a month.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../planner/ui/editors/v2_fields.py" line="+18"/>
        <source>追加の章</source>
        <translation>Extra chapters</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>はじめに・首長あいさつなど、ひな形にない章。「置く場所」の章の後に入ります。</source>
        <translation>Chapters the template lacks (foreword, mayor&apos;s greeting); each follows the chapter chosen under &quot;Placed after&quot;.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>例文を挿入</source>
        <translation>Insert example text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>標準的な文例をこの章に入れます。入れた文章は計画の文章として扱われるので、自治体の実情に合わせて直してください。</source>
        <translation>Inserts standard wording into this chapter. It then counts as the plan&apos;s own text: adapt it to your municipality.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/uses_table.py" line="-37"/>
        <source>期間で判断</source>
        <translation>By schedule</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>臨時的（1回限りなど）</source>
        <translation>Occasional (e.g. once)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>継続的</source>
        <translation>Routine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>臨時的な利用か</source>
        <translation>Occasional use</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>個人情報保護法69条2項で認められる目的外利用は臨時的なものに限られます。継続的に使うなら利用目的の設定・変更（61条）が必要です。「期間で判断」では、施策の期間が2年度以上なら継続的とみなします。</source>
        <translation>APPI Art. 69(2) allows out-of-purpose use only when it is occasional; routine use needs the purpose set or changed (Art. 61). &quot;By schedule&quot; counts a use as routine when the measure spans two or more fiscal years.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>理由・説明</source>
        <translation>Rationale</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>データ利用を追加(&amp;U)</source>
        <translation>Add a data &amp;use</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>データはまだ登録されていません。次の「4. データ」で登録すると、ここの「データ」欄で選べるようになります。</source>
        <translation>No data has been registered yet. Register it in step 4 (Data); it can then be chosen in the Data column here.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>選んだ行は臨時的な利用か:</source>
        <translation>Selected row occasional:</translation>
    </message>
    <message>
        <location line="+181"/>
        <source>目的外利用（個人情報保護法69条2項）で認められるのは臨時的な利用だけです。継続的に使うなら利用目的を設定・変更します（61条）。</source>
        <translation>Out-of-purpose use (APPI Art. 69(2)) is allowed for occasional use only; for routine use set or change the purpose (Art. 61).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>選んだ行は目的外利用ではないので、臨時的かどうかは問いません（選んだ内容は消えずに残ります）。</source>
        <translation>The selected use is not outside the purpose, so whether it is occasional does not matter (the choice is kept).</translation>
    </message>
    <message>
        <location line="-61"/>
        <source>なぜこのデータをこう使うか</source>
        <translation>Why the data is used this way</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/list_editor.py" line="+91"/>
        <source>選んだ行を削除</source>
        <translation>Remove selected row</translation>
    </message>
    <message>
        <location line="+73"/>
        <location filename="../../planner/ui/editors/uses_table.py" line="+9"/>
        <source>%1（%2行目）</source>
        <translation>%1 (row %2)</translation>
    </message>
    <message>
        <location filename="../../planner/ui/files.py" line="+30"/>
        <source>新しい官民データ活用推進計画</source>
        <translation>New data utilization promotion plan</translation>
    </message>
    <message>
        <location line="+22"/>
        <location filename="../../planner/ui/main_window.py" line="+522"/>
        <source>無題</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>テンプレート</source>
        <translation>Template</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>使えるテンプレートがありません。</source>
        <translation>No template is available.</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>%1のコピー</source>
        <translation>Copy of %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>この計画ファイルは以前の形式（schema_version %1）で書かれています。保存すると新しい形式（schema_version %2）で書き込まれ、以前の planner では開けなくなります。保存前のファイルはバックアップに残ります。</source>
        <translation>This plan file is in an older format (schema_version %1). Saving writes the new format (schema_version %2), which older versions of planner cannot open. The file as it was before saving stays in the backups.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1行目: %2</source>
        <translation>line %1: %2</translation>
    </message>
    <message>
        <location filename="../../planner/ui/prompts.py" line="-88"/>
        <source>計画ファイル (*.yaml *.yml);;すべてのファイル (*)</source>
        <translation>Plan files (*.yaml *.yml);;All files (*)</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>保存されていない変更</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>「%1」への変更を保存しますか？</source>
        <translation>Save the changes to “%1”?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>保存する(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>保存しない(&amp;N)</source>
        <translation>Do&amp;n&apos;t save</translation>
    </message>
    <message>
        <location filename="../../planner/ui/dialogs.py" line="+39"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../planner/ui/prompts.py" line="+1"/>
        <location line="+28"/>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../planner/ui/prompts.py" line="-27"/>
        <source>保存しないと、変更は失われます。</source>
        <translation>If you don&apos;t save, your changes will be lost.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>「%1」を削除しますか？</source>
        <translation>Delete “%1”?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>削除の確認</source>
        <translation>Confirm deletion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>削除する</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>やめる</source>
        <translation>Keep it</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>次のつながりも外れます（元に戻す［Ctrl+Z］で戻せます）：</source>
        <translation>These links go too (Undo [Ctrl+Z] brings them back):</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>新しい形式で保存</source>
        <translation>Save in the new format</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>新しい形式で保存する(&amp;S)</source>
        <translation>&amp;Save in the new format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>別名で保存（元のファイルは残す）(&amp;A)…</source>
        <translation>Save &amp;As (keep the old file)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>読み込み時に次の点を変換しました。確認してください：</source>
        <translation>These were converted on loading; please check them:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>計画ファイルを開けません</source>
        <translation>Cannot open the plan file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>「%1」を開けませんでした。次の点を直してから開き直してください。</source>
        <translation>Could not open “%1”. Fix the following, then open it again.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>計画ファイルを開く</source>
        <translation>Open a plan file</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>テンプレートから新規作成</source>
        <translation>New from template</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>もとにするテンプレート：</source>
        <translation>Template to start from:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>名前を付けて保存</source>
        <translation>Save as</translation>
    </message>
    <message>
        <location filename="../../planner/ui/main_window.py" line="-336"/>
        <source>ステップ</source>
        <extracomment>The step each kind of item is edited on (the 施策体系&apos;s pillars: the 施策 step&apos;s tab). After a plan is opened, and after each pause in editing this long (ms), the objects alive are moved out of the cyclic garbage collector&apos;s way (``settle_heap``). The help text opened last (help.show_help), for tests and screenshot scripts.</extracomment>
        <translation>Steps</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>ステップ%1（Ctrl+%1）</source>
        <translation>Step %1 (Ctrl+%1)</translation>
    </message>
    <message>
        <location filename="../../planner/ui/pages/base.py" line="+79"/>
        <source>%1の一覧</source>
        <translation>List of %1</translation>
    </message>
    <message>
        <location filename="../../planner/ui/main_window.py" line="+46"/>
        <source>名前を付けて保存…</source>
        <translation>Save As…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>読み取り専用</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>元のファイルは他の人が開いています。「名前を付けて保存」で保存してください。</source>
        <translation>Someone else has the original file open. Use “Save As” to save.</translation>
    </message>
    <message>
        <location line="+18"/>
        <location filename="../../planner/ui/menus.py" line="+118"/>
        <source>関係図</source>
        <translation>Relation graph</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>点検結果を開く（Ctrl+6）</source>
        <translation>Open the check results (Ctrl+6)</translation>
    </message>
    <message>
        <location line="+174"/>
        <source>エラー %1&#x3000;警告 %2&#x3000;情報 %3</source>
        <translation>Errors %1  Warnings %2  Info %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>（%1 件を非表示）</source>
        <translation> (%1 hidden)</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>対処：</source>
        <translation>What to do: </translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/links.py" line="-193"/>
        <location filename="../../planner/ui/main_window.py" line="-68"/>
        <location filename="../../planner/ui/menus.py" line="+3"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../planner/ui/main_window.py" line="+37"/>
        <source>未保存</source>
        <translation>not saved</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>[読み取り専用]</source>
        <translation>[read-only]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — %2[*] — 官民データ活用推進計画 作成支援</source>
        <translation>%1 — %2[*] — Data Utilization Plan Builder</translation>
    </message>
    <message>
        <location filename="../../planner/ui/steps.py" line="+4"/>
        <source>出力</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../planner/ui/pages/export.py" line="+29"/>
        <source>計画書（Word形式 .docx 又は PDF）を作ります。テンプレート（市町村用・都道府県用など）を選び、点検結果を別表3として付けるかどうかを決めます。エラーや【未記入】が残っている間は、表紙とヘッダーに「（案）」が付きます。</source>
        <translation>Writes the plan document (Word .docx or PDF). Choose a template (municipal, prefectural …) and whether to add the check results as appendix table 3. While errors or unwritten parts remain, the cover and header say (draft).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>点検でエラーと未記入がないことを確かめてから、計画書を出力します。</source>
        <translation>Make sure the check shows no errors and nothing unwritten, then export the plan document.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/menus.py" line="-80"/>
        <source>ファイル(&amp;F)</source>
        <extracomment>What a QAction&apos;s shortcut can be given as.</extracomment>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>新規(&amp;N)</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>テンプレートから新規(&amp;T)…</source>
        <translation>New from &amp;template…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../planner/ui/start_page.py" line="+68"/>
        <source>開く(&amp;O)…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>上書き保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>名前を付けて保存(&amp;A)…</source>
        <translation>Save &amp;As…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>計画書を出力(&amp;E)…</source>
        <translation>&amp;Export document…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>終了(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../planner/ui/start_page.py" line="+17"/>
        <source>最近使ったファイル(&amp;R)</source>
        <translation>&amp;Recent files</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>スタートページ(&amp;P)</source>
        <translation>Start &amp;page</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>編集(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../planner/ui/main_window.py" line="+27"/>
        <location filename="../../planner/ui/menus.py" line="+69"/>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/context_menu.py" line="+39"/>
        <location filename="../../planner/ui/menus.py" line="-67"/>
        <location line="+40"/>
        <source>元に戻す</source>
        <extracomment>objectName Qt gives the undo/redo actions of its standard text context menus.</extracomment>
        <translation>Undo</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../planner/ui/menus.py" line="-34"/>
        <location line="+35"/>
        <source>やり直し</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../planner/ui/menus.py" line="-26"/>
        <source>表示(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>関係図(&amp;G)</source>
        <translation>Relation &amp;graph</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ヘルプ(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>このアプリについて(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>基本操作</source>
        <translation>Main</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>新規</source>
        <translation>New</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>開く</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>上書き保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>計画書を出力</source>
        <translation>Export</translation>
    </message>
    <message>
        <location line="+40"/>
        <location filename="../../planner/ui/start_page.py" line="-15"/>
        <source>サンプルを見る(&amp;S)</source>
        <translation>Open the &amp;sample</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>用語集(&amp;G)</source>
        <translation>&amp;Glossary</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/plan_form.py" line="-8"/>
        <location filename="../../planner/ui/editors/v2_fields.py" line="-10"/>
        <location filename="../../planner/ui/menus.py" line="+1"/>
        <source>用語集</source>
        <translation>Glossary</translation>
    </message>
    <message>
        <location filename="../../planner/ui/menus.py" line="+3"/>
        <source>点検ルール一覧(&amp;R)</source>
        <translation>Check &amp;rules</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>点検ルール一覧</source>
        <translation>Check rules</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>キーボードショートカット(&amp;K)</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>キーボードショートカット</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>同梱の文書(&amp;D)</source>
        <translation>Bundled &amp;documents</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>このアプリについて</source>
        <translation>About</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>官民データ活用推進計画 作成支援 %1

地域課題から施策・データ・KPIまでを順にたどって計画を作り、点検し、計画書（.docx）を出力します。点検結果は法務担当課と確認するための手がかりであり、法的助言ではありません。</source>
        <translation>Data Utilization Plan Builder %1

Build the plan step by step from local issues to measures, data and KPIs, check it, and export the plan document (.docx). The check results are pointers to review with your legal affairs division, not legal advice.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/steps.py" line="-12"/>
        <source>基本情報</source>
        <extracomment>The navigator label, in the UI language of the moment. Builds the page: ``page(number, title, window)``.</extracomment>
        <translation>Basic information</translation>
    </message>
    <message>
        <location filename="../../planner/ui/pages/basic_info.py" line="+29"/>
        <source>計画の名称、自治体名、計画期間を入力します。各章の本文は後から書き足せます。</source>
        <translation>Enter the plan&apos;s title, municipality and period. Chapter texts can be added later.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/steps.py" line="+11"/>
        <source>点検</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../planner/ui/pages/check.py" line="+25"/>
        <source>計画の抜け漏れや、個人情報・オープンデータの決まりに反するおそれを一覧にします。行をダブルクリックすると、直す項目に移動します。</source>
        <translation>Lists gaps in the plan and possible breaches of privacy and open-data rules. Double-click a row to go to the item to fix.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/steps.py" line="-5"/>
        <source>新しいデータ</source>
        <translation>New data source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>施策で使うデータと、KPIを測るデータを登録します。個人情報を含むかどうかで点検の内容が変わります。</source>
        <translation>Register the data the measures use and the KPIs are measured from. Whether it is personal decides what is checked.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/pages/export.py" line="-9"/>
        <source>計画書を出力(&amp;X)…</source>
        <translation>E&amp;xport the plan document…</translation>
    </message>
    <message>
        <location filename="../../planner/ui/steps.py" line="-5"/>
        <source>新しい地域課題</source>
        <translation>New issue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>地域課題を1つずつ追加し、根拠となる統計やデータを書きます。</source>
        <translation>Add the local issues one by one, with the statistics or data that show them.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>新しいKPI</source>
        <translation>New KPI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>施策の成果を測る指標を追加し、基準値・目標値と、測るためのデータを選びます。</source>
        <translation>Add indicators of the measures&apos; results, with baseline, target and the data they are measured from.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/pages/measures.py" line="+39"/>
        <source>新しい施策</source>
        <translation>New measure</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>施策の一覧</source>
        <translation>Measures</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>基本目標・基本施策・取組の階層を作り、施策をドラッグして入れます（3階層まで）。</source>
        <translation>Build the levels of goals, policies and actions, and drag measures into them (up to 3 levels).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>課題ごとに施策を追加し、対応する課題、基本法の条項、利用するデータを選びます。</source>
        <translation>Add measures for the issues and choose the issues they answer, the Basic Act articles and the data they use.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/app.py" line="+60"/>
        <location filename="../../planner/ui/start_page.py" line="-20"/>
        <source>官民データ活用推進計画 作成支援</source>
        <translation>Data Utilization Plan Builder</translation>
    </message>
    <message>
        <location filename="../../planner/ui/pages/base.py" line="-20"/>
        <source>次へ：%1. %2</source>
        <translation>Next: %1. %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>次のステップ（Ctrl+%1）</source>
        <translation>Next step (Ctrl+%1)</translation>
    </message>
    <message>
        <location filename="../../planner/ui/start_page.py" line="+6"/>
        <source>地域課題から施策・データ・KPIまでを順に入力すると、計画の抜け漏れや個人情報・オープンデータの決まりに照らした問題点を点検し、計画書（Word）を出力します。</source>
        <translation>Enter the local issues, then the measures, the data and the KPIs: the app checks the plan for gaps and for the rules on personal information and open data, and writes the plan document (Word).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>新しい計画(&amp;N)</source>
        <translation>&amp;New plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>空の計画から始めます。</source>
        <translation>Start from an empty plan.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>テンプレートから(&amp;T)</source>
        <translation>From a &amp;template</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>各章の書き方の手引き入りのひな形から始めます。</source>
        <translation>Start from a model plan with writing guidance in each chapter.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>保存してある計画ファイル（.yaml）を開きます。</source>
        <translation>Open a saved plan file (.yaml).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>架空の「みどり野市」の計画を読み取り専用で開きます。</source>
        <translation>Open the plan of the fictional city of Midorino, read-only.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>最近使ったファイル</source>
        <translation>Recent files</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>（まだありません）</source>
        <translation>(none yet)</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/v2_fields.py" line="-19"/>
        <source>計画の名称</source>
        <translation>Plan title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>関係</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>関連計画を追加</source>
        <translation>Add related plan</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>経過</source>
        <translation>Event</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>経過を追加</source>
        <translation>Add event</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>用語</source>
        <translation>Term</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/pillar_tree.py" line="-487"/>
        <source>「%1」を自分自身やその下の施策体系の下には移動できません。</source>
        <extracomment>Tree item data: (&quot;pillar&quot; | &quot;measure&quot; | &quot;outside&quot;, id).</extracomment>
        <translation>“%1” cannot go under itself or a pillar below it.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>施策体系は3階層（基本目標・基本施策・取組）までです。「%1」をここに移動すると%2階層目ができます。</source>
        <translation>Pillars have at most 3 levels (goal, policy, action). Moving “%1” here would make level %2.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>上位の施策体系</source>
        <translation>Parent pillar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>「%1」の移動</source>
        <translation>Move of “%1”</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+26"/>
        <location line="+77"/>
        <location filename="../../planner/ui/pages/measures.py" line="-2"/>
        <source>施策体系</source>
        <translation>Pillars</translation>
    </message>
    <message>
        <location line="-91"/>
        <source>施策「%1」は施策体系から外れます（施策の内容はそのまま）</source>
        <translation>Measure “%1” leaves the pillars (its contents stay)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>下の施策体系「%1」も削除されます</source>
        <translation>Pillar “%1” below it is deleted too</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>番号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>番号は並び順から自動で付きます（1、1-1、1-1-1）。</source>
        <translation>Numbers follow from the order (1, 1-1, 1-1-1).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>名称(&amp;T)</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>例：誰もが便利に暮らせるまち</source>
        <translation>e.g. A convenient town for everyone</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../planner/ui/editors/v2_fields.py" line="+1"/>
        <source>説明</source>
        <translation>Definition</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>対応する課題</source>
        <translation>Issues addressed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>この施策体系の施策はここで選んだ課題に対応するものとみなされます。</source>
        <translation>The measures in this pillar count as addressing the issues ticked here.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>属する施策</source>
        <translation>Measures in it</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>まだありません。左の一覧で施策をこの施策体系の上にドラッグします。</source>
        <translation>None yet. Drag a measure onto this pillar in the tree on the left.</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>基本目標を追加</source>
        <translation>Add basic goal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>いちばん上の階層（基本目標）を追加します</source>
        <translation>Add a top-level pillar (basic goal)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>下に追加</source>
        <translation>Add below</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>選んだ施策体系の下の階層を追加します（3階層まで）</source>
        <translation>Add a pillar below the selected one (up to 3 levels)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>選んだ施策体系を削除します（施策は残り、施策体系から外れます）</source>
        <translation>Delete the selected pillar (its measures stay, outside the pillars)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>同じ階層の中で上へ</source>
        <translation>Up within its level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>同じ階層の中で下へ</source>
        <translation>Down within its level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>一つ上の階層へ移動</source>
        <translation>Move up one level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>一つ上の項目の下の階層へ移動</source>
        <translation>Move under the pillar above</translation>
    </message>
    <message>
        <location line="+48"/>
        <location line="+32"/>
        <source>施策 %1（ドラッグして施策体系を変えられます）</source>
        <translation>Measure %1 (drag it to change its pillar)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>施策体系に入っていない施策</source>
        <translation>Measures outside the pillars</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>新しい基本目標</source>
        <translation>New basic goal</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>施策体系は3階層（基本目標・基本施策・取組）までです。この下には追加できません。</source>
        <translation>Pillars have at most 3 levels (goal, policy, action). Nothing can go below this one.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>新しい施策体系</source>
        <translation>New pillar</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>上に同じ階層の項目がないため、下の階層へは移動できません。</source>
        <translation>There is no pillar above on the same level to move under.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>（施策体系に入れない）</source>
        <translation>(not in a pillar)</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/v2_fields.py" line="+1"/>
        <source>用語を追加</source>
        <translation>Add term</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>見出し</source>
        <translation>Heading</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>置く場所（この章の後）</source>
        <translation>Placed after</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>本文</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>章を追加</source>
        <translation>Add chapter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>はじめに</source>
        <translation>Foreword</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>連携課（○）</source>
        <translation>Cooperating department (○)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>連携課</source>
        <translation>Cooperating departments</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>連携課を追加</source>
        <translation>Add department</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>年度を追加</source>
        <translation>Add year</translation>
    </message>
</context>
</TS>
