<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="ja">
<context>
    <name>FiscalYearSpinBox</name>
    <message>
        <location filename="../../planner/ui/editors/fyspin.py" line="42" />
        <source>（未設定）</source>
        <translation>(not set)</translation>
    </message>
</context>
<context>
    <name>ui</name>
    <message>
        <location filename="../../planner/ui/commands.py" line="36" />
        <source>「%1」の変更</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/commands.py" line="69" />
        <source>「%1」の追加</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/commands.py" line="106" />
        <source>「%1」の並べ替え</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/commands.py" line="138" />
        <source>施策「%1」の対応する課題から外れます</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/commands.py" line="143" />
        <source>KPI「%1」の評価対象から外れます</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/commands.py" line="148" />
        <source>施策「%1」のデータ利用が削除されます</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/commands.py" line="152" />
        <source>KPI「%1」の出典データが空になります</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/commands.py" line="185" />
        <source>「%1」の削除</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/commands.py" line="203" />
        <source>%1（コピー）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/commands.py" line="205" />
        <source>「%1」の複製</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/data_form.py" line="35" />
        <source>（該当なし）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/data_form.py" line="51" />
        <location filename="../../planner/ui/editors/uses_table.py" line="47" />
        <location filename="../../planner/ui/pages/data.py" line="16" />
        <source>データ</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/data_form.py" line="52" />
        <location filename="../../planner/ui/editors/forms.py" line="22" />
        <location filename="../../planner/ui/editors/forms.py" line="39" />
        <location filename="../../planner/ui/editors/kpi_form.py" line="127" />
        <source>ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/data_form.py" line="53" />
        <source>データ名(&amp;T)</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/data_form.py" line="53" />
        <source>例：住民基本台帳</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/data_form.py" line="54" />
        <source>取得経路(&amp;A)</source>
        <translation>&amp;Acquisition</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/data_form.py" line="55" />
        <source>種類(&amp;C)</source>
        <translation>&amp;Category</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/data_form.py" line="56" />
        <source>保有課(&amp;H)</source>
        <translation>&amp;Holder</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/data_form.py" line="56" />
        <source>例：市民課</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/data_form.py" line="57" />
        <source>保有目的</source>
        <translation>Original purpose</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/data_form.py" line="58" />
        <source>例：住民の居住関係の公証</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/data_form.py" line="59" />
        <source>このデータを取得・保有している本来の目的。目的外利用かどうかの判断基準です。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/data_form.py" line="60" />
        <source>形式(&amp;F)</source>
        <translation>&amp;Format</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/data_form.py" line="61" />
        <source>更新頻度</source>
        <translation>Update frequency</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/data_form.py" line="63" />
        <source>個人情報の取扱い</source>
        <translation>Handling of personal information</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/data_form.py" line="64" />
        <source>保存期間</source>
        <translation>Retention</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/data_form.py" line="64" />
        <source>例：5年</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/data_form.py" line="65" />
        <source>個人情報を含むデータでは必ず定めます（保存期間の制限）。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/data_form.py" line="66" />
        <source>安全管理措置</source>
        <translation>Safety measures</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/data_form.py" line="68" />
        <source>保有・受領の法的根拠</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/data_form.py" line="69" />
        <location filename="../../planner/ui/editors/uses_table.py" line="122" />
        <source>（なし）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/data_form.py" line="70" />
        <source>協定・契約</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/data_form.py" line="70" />
        <source>例：データ連携協定</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/data_form.py" line="71" />
        <source>民間との共同利用・第三者からの提供・民間への提供では、協定や契約の名称を書きます。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/data_form.py" line="72" />
        <source>本人同意</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/data_form.py" line="72" />
        <source>例：申請書で同意を取得</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/data_form.py" line="73" />
        <source>最小セル数</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/data_form.py" line="74" />
        <source>統計情報を公開するとき、最も小さい集計区分の人数。3未満は個人の特定につながります。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/data_form.py" line="75" />
        <source>オープンデータとして公開する計画</source>
        <translation>Open-data publication plan</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/data_form.py" line="76" />
        <source>公開</source>
        <translation>Publish</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/data_form.py" line="77" />
        <source>（未定）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/data_form.py" line="77" />
        <source>公開する</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/data_form.py" line="77" />
        <source>公開しない</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/data_form.py" line="78" />
        <source>ライセンス</source>
        <translation>Licence</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/data_form.py" line="79" />
        <source>公開形式</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/data_form.py" line="80" />
        <source>料金（円）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/data_form.py" line="81" />
        <source>オープンデータは無償です（0円）。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/data_form.py" line="82" />
        <source>URL</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/data_form.py" line="83" />
        <source>タグ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/data_form.py" line="83" />
        <source>例：防災、避難所</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/data_form.py" line="85" />
        <source>標準データセット</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/data_form.py" line="86" />
        <source>自治体標準オープンデータセットに当たるものは番号を選びます。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/data_form.py" line="87" />
        <source>改ざん対策</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/entity_editor.py" line="38" />
        <source>絞り込み（名前・ID）</source>
        <translation>Filter (name or ID)</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/entity_editor.py" line="76" />
        <source>追加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/entity_editor.py" line="76" />
        <source>新しい項目を追加（Ctrl+Shift+N）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/entity_editor.py" line="77" />
        <source>複製</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/entity_editor.py" line="77" />
        <source>選んだ項目を複製（Ctrl+D）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/entity_editor.py" line="79" />
        <source>削除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/entity_editor.py" line="79" />
        <source>選んだ項目を削除（Delete）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/entity_editor.py" line="81" />
        <source>上へ移動（Alt+↑）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/entity_editor.py" line="82" />
        <source>下へ移動（Alt+↓）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/explain.py" line="17" />
        <source>目的外利用・提供とは、データを保有している目的（例：住民基本台帳なら住民の居住関係の公証）以外のために利用・提供することです。個人情報保護法第69条第1項により原則として禁止されますが、法令に基づく場合（同項）、または第69条第2項各号（本人の同意、所掌事務に必要で相当な理由のある内部利用、他の行政機関等への提供、統計作成・学術研究など）に当たる場合に限り認められます。「法的根拠」で該当するものを選んでください。同じ目的外利用を毎年繰り返すなら、利用目的の変更（第61条第3項）を検討します。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/explain.py" line="24" />
        <source>利用目的の変更は、変更前の目的と相当の関連性を有すると合理的に認められる範囲に限られます（個人情報保護法第61条第3項）。変更後は本人に通知または公表します。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/explain.py" line="27" />
        <source>個人が識別できない統計情報に加工してから使う場合は、個人情報としての制約を受けません。公開するときは、少人数のセル（3未満など）が個人の特定につながらないか確認します。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/explain.py" line="30" />
        <source>公開（オープンデータ）は誰でも二次利用できる形で公開することです。個人情報・要配慮個人情報・特定個人情報は公開できません。統計情報に集計してから公開してください。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/explain.py" line="33" />
        <source>民間への提供には、提供先での取扱い（目的、安全管理、再提供の禁止など）を定めた協定・契約が必要です。データの「協定・契約」欄に名称を記入してください。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/explain.py" line="36" />
        <source>委託先に個人情報を取り扱わせる場合は、委託先の監督が必要です（個人情報保護法第66条第2項）。契約に安全管理措置を定めます。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/explain.py" line="39" />
        <source>特定個人情報（マイナンバーを含む）の提供は、番号法第19条各号に当たる場合に限られます。目的外利用は番号法第30条により原則できません。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/explain.py" line="50" />
        <source>&lt;b&gt;データの種類：&lt;/b&gt;%1 — %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/explain.py" line="53" />
        <location filename="../../planner/ui/editors/uses_table.py" line="47" />
        <source>流れ</source>
        <translation>Flow</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/explain.py" line="54" />
        <location filename="../../planner/ui/editors/uses_table.py" line="47" />
        <source>目的との関係</source>
        <translation>Relation to purpose</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/explain.py" line="55" />
        <location filename="../../planner/ui/editors/uses_table.py" line="47" />
        <source>法的根拠</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/explain.py" line="58" />
        <source>&lt;b&gt;%1：&lt;/b&gt;%2 — %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/explain.py" line="63" />
        <source>行を選ぶと、選んだ流れ・目的・法的根拠の意味がここに表示されます。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/fields.py" line="118" />
        <location filename="../../planner/ui/editors/kpi_form.py" line="131" />
        <location filename="../../planner/ui/editors/links.py" line="88" />
        <location filename="../../planner/ui/editors/uses_table.py" line="112" />
        <location filename="../../planner/ui/editors/uses_table.py" line="122" />
        <source>（未選択）</source>
        <translation>(not chosen)</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/fields.py" line="171" />
        <source>（未設定）</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/fields.py" line="230" />
        <source>設定する</source>
        <translation>Set</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/forms.py" line="21" />
        <location filename="../../planner/ui/pages/issues.py" line="16" />
        <source>地域課題</source>
        <translation>Local issues</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/forms.py" line="23" />
        <source>課題名(&amp;T)</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/forms.py" line="23" />
        <source>例：高齢者の移動手段の確保</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/forms.py" line="24" />
        <source>説明(&amp;D)</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/forms.py" line="25" />
        <source>どのような課題か、誰が困っているか</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/forms.py" line="26" />
        <source>根拠(&amp;E)</source>
        <translation>&amp;Evidence</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/forms.py" line="26" />
        <source>例：国勢調査（2020年）で高齢化率35％</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/forms.py" line="28" />
        <source>課題の根拠となる統計やデータ（EBPM）。空欄だと点検で指摘されます。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/forms.py" line="38" />
        <location filename="../../planner/ui/pages/measures.py" line="16" />
        <source>施策</source>
        <translation>Measures</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/forms.py" line="40" />
        <source>施策名(&amp;T)</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/forms.py" line="40" />
        <source>例：デマンド交通の運行最適化</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/forms.py" line="41" />
        <source>内容(&amp;D)</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/forms.py" line="41" />
        <source>何をするか</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/forms.py" line="42" />
        <source>担当課(&amp;O)</source>
        <translation>&amp;Owner</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/forms.py" line="42" />
        <source>例：企画課</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/forms.py" line="43" />
        <source>開始年度</source>
        <translation>Start FY</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/forms.py" line="44" />
        <source>終了年度</source>
        <translation>End FY</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/forms.py" line="45" />
        <source>計画期間の中に収めてください。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/forms.py" line="46" />
        <source>対応する地域課題</source>
        <translation>Issues addressed</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/forms.py" line="47" />
        <source>課題(&amp;I)</source>
        <translation>&amp;Issues</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/forms.py" line="48" />
        <source>この施策が解決をめざす課題にチェックを付けます。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/forms.py" line="49" />
        <source>基本法の条項・重点分野</source>
        <translation>Basic Act articles and priority fields</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/forms.py" line="50" />
        <source>条項</source>
        <translation>Articles</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/forms.py" line="51" />
        <source>◎は主に該当する条項、○は関連する条項です（計画書第5章の表になります）。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/forms.py" line="52" />
        <source>重点分野</source>
        <translation>Priority fields</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/forms.py" line="53" />
        <source>利用するデータ</source>
        <translation>Data used</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/kpi_form.py" line="49" />
        <source>年度</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/kpi_form.py" line="49" />
        <source>実績値</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/kpi_form.py" line="53" />
        <source>実績を追加</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/kpi_form.py" line="54" />
        <location filename="../../planner/ui/editors/uses_table.py" line="63" />
        <source>選んだ行を削除</source>
        <translation>Delete the selected row</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/kpi_form.py" line="113" />
        <source>数値または文章</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/kpi_form.py" line="126" />
        <location filename="../../planner/ui/pages/kpis.py" line="16" />
        <source>KPI</source>
        <translation>KPIs</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/kpi_form.py" line="128" />
        <source>指標名(&amp;T)</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/kpi_form.py" line="128" />
        <source>例：デマンド交通の月間利用者数</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/kpi_form.py" line="129" />
        <source>種別</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/kpi_form.py" line="130" />
        <source>定量／定性</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/kpi_form.py" line="131" />
        <source>定量（数値で測る）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/kpi_form.py" line="132" />
        <source>定性（文章で評価する）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/kpi_form.py" line="133" />
        <source>単位(&amp;U)</source>
        <translation>&amp;Unit</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/kpi_form.py" line="133" />
        <source>例：人/月</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/kpi_form.py" line="134" />
        <source>基準値・年度</source>
        <translation>Baseline and FY</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/kpi_form.py" line="135" />
        <source>目標値・年度</source>
        <translation>Target and FY</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/kpi_form.py" line="136" />
        <source>目標年度は計画期間の中に、基準年度は目標年度より前にします。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/kpi_form.py" line="137" />
        <source>目標値設定の考え方</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/kpi_form.py" line="138" />
        <source>評価する施策と出典</source>
        <translation>Measures evaluated and source</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/kpi_form.py" line="139" />
        <source>施策(&amp;M)</source>
        <translation>&amp;Measures</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/kpi_form.py" line="140" />
        <source>このKPIで評価する施策にチェックを付けます。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/kpi_form.py" line="141" />
        <source>出典データ(&amp;S)</source>
        <translation>&amp;Source data</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/kpi_form.py" line="142" />
        <source>この指標を何のデータで測るか。前のステップ「データ」で登録したものから選びます。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/kpi_form.py" line="143" />
        <source>実績値（毎年度の点検用）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/links.py" line="19" />
        <source>（無題）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/links.py" line="44" />
        <location filename="../../planner/ui/editors/links.py" line="93" />
        <location filename="../../planner/ui/editors/uses_table.py" line="116" />
        <source>（見つからないID：%1）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/links.py" line="56" />
        <source>（まだありません。前のステップで追加してください）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/links.py" line="117" />
        <source>◎ 主</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/links.py" line="117" />
        <source>○ 関連</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/links.py" line="125" />
        <source>第%1条</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/links.py" line="149" />
        <source>第%1条 %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/plan_form.py" line="16" />
        <source>第1章 現状及び課題</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/plan_form.py" line="17" />
        <source>市の人口・産業・デジタル化の現状を書きます。個々の地域課題は次のステップで登録します。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/plan_form.py" line="18" />
        <source>第2章 計画の目的</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/plan_form.py" line="18" />
        <source>この計画で何をめざすか。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/plan_form.py" line="19" />
        <source>第3章 計画の位置付け</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/plan_form.py" line="20" />
        <source>総合計画など他の計画との関係。計画期間と基本法第9条の記述は自動で入ります。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/plan_form.py" line="21" />
        <source>第4章 推進体制</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/plan_form.py" line="21" />
        <source>推進本部、CIO、各課の役割など。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/plan_form.py" line="22" />
        <source>第5章 施策の基本的な方針</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/plan_form.py" line="23" />
        <source>方針の文章。条項ごとの施策の表は自動で作られます。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/plan_form.py" line="24" />
        <source>第7章 セキュリティ及び個人情報の適正な取扱い</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/plan_form.py" line="25" />
        <source>情報セキュリティポリシー、個人情報の取扱いの考え方。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/plan_form.py" line="39" />
        <source>計画</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/plan_form.py" line="40" />
        <source>計画の名称(&amp;T)</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/plan_form.py" line="41" />
        <source>例：〇〇市官民データ活用推進計画</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/plan_form.py" line="42" />
        <source>自治体名(&amp;M)</source>
        <translation>&amp;Municipality</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/plan_form.py" line="42" />
        <source>例：〇〇市</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/plan_form.py" line="46" />
        <source>団体コード</source>
        <translation>Local government code</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/plan_form.py" line="46" />
        <source>全国地方公共団体コード（検査数字を含む6桁）。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/plan_form.py" line="47" />
        <source>区分(&amp;K)</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/plan_form.py" line="48" />
        <source>計画期間 開始年度(&amp;S)</source>
        <translation>Period &amp;start (FY)</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/plan_form.py" line="49" />
        <source>計画期間 終了年度(&amp;E)</source>
        <translation>Period &amp;end (FY)</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/plan_form.py" line="50" />
        <source>年度は4月から翌年3月まで。和暦は自動で表示されます。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/plan_form.py" line="51" />
        <source>策定日</source>
        <translation>Adopted on</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/plan_form.py" line="52" />
        <source>版(&amp;V)</source>
        <translation>&amp;Version</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/plan_form.py" line="52" />
        <source>例：1.0</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/editors/plan_form.py" line="53" />
        <source>各章の本文</source>
        <translation>Chapter texts</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/uses_table.py" line="47" />
        <source>理由・説明</source>
        <translation>Rationale</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/uses_table.py" line="62" />
        <source>データ利用を追加</source>
        <translation>Add a data use</translation>
    </message>
    <message>
        <location filename="../../planner/ui/editors/uses_table.py" line="132" />
        <source>なぜこのデータをこう使うか</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/files.py" line="23" />
        <source>新しい官民データ活用推進計画</source>
        <translation>New data utilization promotion plan</translation>
    </message>
    <message>
        <location filename="../../planner/ui/files.py" line="40" />
        <location filename="../../planner/ui/main_window.py" line="207" />
        <source>無題</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <location filename="../../planner/ui/files.py" line="61" />
        <source>テンプレート</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/files.py" line="61" />
        <source>使えるテンプレートがありません。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/files.py" line="127" />
        <source>保存できませんでした</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <location filename="../../planner/ui/interaction.py" line="22" />
        <source>計画ファイル (*.yaml *.yml);;すべてのファイル (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/interaction.py" line="41" />
        <source>保存されていない変更</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../planner/ui/interaction.py" line="42" />
        <source>「%1」への変更を保存しますか？</source>
        <translation>Save the changes to “%1”?</translation>
    </message>
    <message>
        <location filename="../../planner/ui/interaction.py" line="44" />
        <source>保存する(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../planner/ui/interaction.py" line="45" />
        <source>保存しない(&amp;N)</source>
        <translation>Do&amp;n't save</translation>
    </message>
    <message>
        <location filename="../../planner/ui/interaction.py" line="46" />
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../planner/ui/interaction.py" line="47" />
        <source>保存しないと、変更は失われます。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/interaction.py" line="55" />
        <source>「%1」を削除しますか？</source>
        <translation>Delete “%1”?</translation>
    </message>
    <message>
        <location filename="../../planner/ui/interaction.py" line="56" />
        <source>削除の確認</source>
        <translation>Confirm deletion</translation>
    </message>
    <message>
        <location filename="../../planner/ui/interaction.py" line="58" />
        <source>削除する</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../planner/ui/interaction.py" line="59" />
        <source>やめる</source>
        <translation>Keep it</translation>
    </message>
    <message>
        <location filename="../../planner/ui/interaction.py" line="61" />
        <source>次のつながりも外れます（元に戻す［Ctrl+Z］で戻せます）：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/interaction.py" line="68" />
        <source>計画ファイルを開けません</source>
        <translation>Cannot open the plan file</translation>
    </message>
    <message>
        <location filename="../../planner/ui/interaction.py" line="69" />
        <source>「%1」を開けませんでした。次の点を直してから開き直してください。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/interaction.py" line="81" />
        <source>計画ファイルを開く</source>
        <translation>Open a plan file</translation>
    </message>
    <message>
        <location filename="../../planner/ui/interaction.py" line="89" />
        <source>テンプレートから新規作成</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/interaction.py" line="90" />
        <source>もとにするテンプレート：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/interaction.py" line="95" />
        <source>名前を付けて保存</source>
        <translation>Save as</translation>
    </message>
    <message>
        <location filename="../../planner/ui/main_window.py" line="76" />
        <source>ステップ%1（Ctrl+%1）</source>
        <extracomment>The guided flow, in order: 基本情報 → 地域課題 → 施策 → データ → KPI → 点検 → 出力.</extracomment>
        <translation>Step %1 (Ctrl+%1)</translation>
    </message>
    <message>
        <location filename="../../planner/ui/main_window.py" line="95" />
        <source>関係図</source>
        <translation>Relation graph</translation>
    </message>
    <message>
        <location filename="../../planner/ui/main_window.py" line="121" />
        <source>点検結果を開く（Ctrl+6）</source>
        <translation>Open the check results (Ctrl+6)</translation>
    </message>
    <message>
        <location filename="../../planner/ui/main_window.py" line="185" />
        <source>エラー %1　警告 %2　情報 %3</source>
        <translation>Errors %1  Warnings %2  Info %3</translation>
    </message>
    <message>
        <location filename="../../planner/ui/main_window.py" line="197" />
        <source>点検でエラーが %1 件あります。出力はできますが、先に直すことをおすすめします。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/main_window.py" line="199" />
        <source>点検でエラーは見つかっていません。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/main_window.py" line="208" />
        <source>未保存</source>
        <translation>not saved</translation>
    </message>
    <message>
        <location filename="../../planner/ui/main_window.py" line="209" />
        <source>%1 — %2[*] — 官民データ活用推進計画 作成支援</source>
        <translation>%1 — %2[*] — Data Utilization Plan Builder</translation>
    </message>
    <message>
        <location filename="../../planner/ui/main_window.py" line="218" />
        <location filename="../../planner/ui/pages/export.py" line="14" />
        <source>出力</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../planner/ui/main_window.py" line="218" />
        <source>出力機能を準備中です。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/menus.py" line="29" />
        <source>ファイル(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../planner/ui/menus.py" line="30" />
        <source>新規(&amp;N)</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <location filename="../../planner/ui/menus.py" line="32" />
        <source>テンプレートから新規(&amp;T)…</source>
        <translation>New from &amp;template…</translation>
    </message>
    <message>
        <location filename="../../planner/ui/menus.py" line="34" />
        <source>開く(&amp;O)…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <location filename="../../planner/ui/menus.py" line="36" />
        <source>上書き保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../planner/ui/menus.py" line="38" />
        <source>名前を付けて保存(&amp;A)…</source>
        <translation>Save &amp;As…</translation>
    </message>
    <message>
        <location filename="../../planner/ui/menus.py" line="40" />
        <source>計画書を出力(&amp;E)…</source>
        <translation>&amp;Export document…</translation>
    </message>
    <message>
        <location filename="../../planner/ui/menus.py" line="42" />
        <source>終了(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../planner/ui/menus.py" line="44" />
        <source>最近使ったファイル(&amp;R)</source>
        <translation>&amp;Recent files</translation>
    </message>
    <message>
        <location filename="../../planner/ui/menus.py" line="57" />
        <source>編集(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../planner/ui/menus.py" line="59" />
        <source>元に戻す</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../planner/ui/menus.py" line="62" />
        <source>やり直し</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../planner/ui/menus.py" line="68" />
        <source>表示(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../planner/ui/menus.py" line="71" />
        <source>%1. %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/menus.py" line="78" />
        <source>関係図(&amp;G)</source>
        <translation>Relation &amp;graph</translation>
    </message>
    <message>
        <location filename="../../planner/ui/menus.py" line="83" />
        <source>ヘルプ(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../planner/ui/menus.py" line="84" />
        <source>このアプリについて(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../planner/ui/menus.py" line="86" />
        <source>基本操作</source>
        <translation>Main</translation>
    </message>
    <message>
        <location filename="../../planner/ui/menus.py" line="110" />
        <source>表示言語(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../planner/ui/menus.py" line="125" />
        <source>表示言語</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../planner/ui/menus.py" line="126" />
        <source>次にアプリを起動したときから切り替わります。</source>
        <translation>The language changes the next time the app starts.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/menus.py" line="132" />
        <source>このアプリについて</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../planner/ui/menus.py" line="132" />
        <source>官民データ活用推進計画 作成支援 %1

地域課題から施策・データ・KPIまでを順にたどって計画を作り、点検し、計画書（.docx）を出力します。点検結果は法務担当課と確認するための手がかりであり、法的助言ではありません。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/pages/basic_info.py" line="14" />
        <source>基本情報</source>
        <translation>Basics</translation>
    </message>
    <message>
        <location filename="../../planner/ui/pages/basic_info.py" line="23" />
        <source>計画の名称、自治体名、計画期間を入力します。各章の本文は後から書き足せます。</source>
        <translation>Enter the plan's title, municipality and period. Chapter texts can be added later.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/pages/check.py" line="14" />
        <source>点検</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../planner/ui/pages/check.py" line="48" />
        <source>計画の抜け漏れや、個人情報・オープンデータの決まりに反するおそれを一覧にします。行をダブルクリックすると、直す項目に移動します。</source>
        <translation>Lists gaps in the plan and possible breaches of privacy and open-data rules. Double-click a row to go to the item to fix.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/pages/data.py" line="21" />
        <source>新しいデータ</source>
        <translation>New data source</translation>
    </message>
    <message>
        <location filename="../../planner/ui/pages/data.py" line="22" />
        <source>施策で使うデータと、KPIを測るデータを登録します。個人情報を含むかどうかで点検の内容が変わります。</source>
        <translation>Register the data the measures use and the KPIs are measured from. Whether it is personal decides what is checked.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/pages/export.py" line="21" />
        <source>計画書（Word形式 .docx）を作ります。テンプレート（市町村用・都道府県用など）を選び、点検結果を別表3として付けるかどうかを決めます。出力したファイルはWordで仕上げられます。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../planner/ui/pages/export.py" line="25" />
        <source>計画書を出力(&amp;X)…</source>
        <translation>E&amp;xport the plan document…</translation>
    </message>
    <message>
        <location filename="../../planner/ui/pages/export.py" line="34" />
        <source>点検でエラーがないことを確かめてから、計画書を出力します。</source>
        <translation>Make sure the check shows no errors, then export the plan document.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/pages/issues.py" line="21" />
        <source>新しい地域課題</source>
        <translation>New issue</translation>
    </message>
    <message>
        <location filename="../../planner/ui/pages/issues.py" line="22" />
        <source>地域課題を1つずつ追加し、根拠となる統計やデータを書きます。</source>
        <translation>Add the local issues one by one, with the statistics or data that show them.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/pages/kpis.py" line="21" />
        <source>新しいKPI</source>
        <translation>New KPI</translation>
    </message>
    <message>
        <location filename="../../planner/ui/pages/kpis.py" line="22" />
        <source>施策の成果を測る指標を追加し、基準値・目標値と、測るためのデータを選びます。</source>
        <translation>Add indicators of the measures' results, with baseline, target and the data they are measured from.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/pages/measures.py" line="21" />
        <source>新しい施策</source>
        <translation>New measure</translation>
    </message>
    <message>
        <location filename="../../planner/ui/pages/measures.py" line="22" />
        <source>課題ごとに施策を追加し、対応する課題、基本法の条項、利用するデータを選びます。</source>
        <translation>Add measures for the issues and choose the issues they answer, the Basic Act articles and the data they use.</translation>
    </message>
</context>
</TS>