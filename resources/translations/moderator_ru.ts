<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AccountsDialog</name>
    <message>
        <location filename="../../moderator_app/ui/accounts_dialog.py" line="32"/>
        <source>Accounts</source>
        <translation>Аккаунты</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/accounts_dialog.py" line="39"/>
        <source>Connect an account…</source>
        <translation>Подключить аккаунт…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/accounts_dialog.py" line="41"/>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/accounts_dialog.py" line="43"/>
        <source>Sync now</source>
        <translation>Синхронизировать</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/accounts_dialog.py" line="45"/>
        <source>Flagging…</source>
        <translation>Пометки…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/accounts_dialog.py" line="47"/>
        <source>Cloud second opinion…</source>
        <translation>Второе мнение из облака…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/accounts_dialog.py" line="132"/>
        <source>Remove %1 with all its comments from Moderator? Nothing is deleted on the platform.</source>
        <translation>Удалить %1 со всеми комментариями из Moderator? На самой платформе ничего не удалится.</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/accounts_dialog.py" line="134"/>
        <location filename="../../moderator_app/ui/accounts_dialog.py" line="139"/>
        <source>Remove account</source>
        <translation>Удаление аккаунта</translation>
    </message>
</context>
<context>
    <name>ActionBar</name>
    <message>
        <location filename="../../moderator_app/ui/action_bar.py" line="52"/>
        <source>Reply</source>
        <translation>Ответить</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/action_bar.py" line="53"/>
        <location filename="../../moderator_app/ui/action_bar.py" line="103"/>
        <source>Hide</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/action_bar.py" line="54"/>
        <source>Approve</source>
        <translation>Одобрить</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/action_bar.py" line="56"/>
        <source>Mark as reviewed; a flagged comment also teaches this account&apos;s flagging</source>
        <translation>Отметить как просмотренный; помеченный комментарий заодно обучает разметку этого аккаунта</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/action_bar.py" line="58"/>
        <source>Escalate</source>
        <translation>Эскалировать</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/action_bar.py" line="59"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/action_bar.py" line="64"/>
        <source>More actions</source>
        <translation>Другие действия</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/action_bar.py" line="103"/>
        <source>Unhide</source>
        <translation>Вернуть</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/action_bar.py" line="103"/>
        <source>Publish</source>
        <translation>Опубликовать</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/action_bar.py" line="157"/>
        <source>This platform cannot hide comments; delete instead</source>
        <translation>Эта платформа не умеет скрывать комментарии — можно удалить</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/action_bar.py" line="159"/>
        <source>This platform cannot hide comments</source>
        <translation>Эта платформа не умеет скрывать комментарии</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/action_bar.py" line="163"/>
        <location filename="../../moderator_app/ui/action_bar.py" line="167"/>
        <location filename="../../moderator_app/ui/action_bar.py" line="178"/>
        <source>Shortcut: %1</source>
        <translation>Клавиша: %1</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/action_bar.py" line="165"/>
        <source>This platform does not allow replies here</source>
        <translation>Эта платформа не позволяет здесь отвечать</translation>
    </message>
</context>
<context>
    <name>ActionRow</name>
    <message>
        <location filename="../../moderator_app/ui/action_history.py" line="49"/>
        <source>Retry</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/action_history.py" line="51"/>
        <source>Dismiss</source>
        <translation>Отменить</translation>
    </message>
</context>
<context>
    <name>AddAccountDialog</name>
    <message>
        <location filename="../../moderator_app/ui/add_account_dialog.py" line="50"/>
        <source>Connect an account</source>
        <translation>Подключение аккаунта</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/add_account_dialog.py" line="65"/>
        <source>Open the sign-in page</source>
        <translation>Открыть страницу входа</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/add_account_dialog.py" line="68"/>
        <source>Sign in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/add_account_dialog.py" line="78"/>
        <source>Connect</source>
        <translation>Подключить</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/add_account_dialog.py" line="88"/>
        <source>Sign in to the platform. Tokens and passwords are kept in your system keyring, never in Moderator&apos;s files.</source>
        <translation>Войдите на платформу. Токены и пароли хранятся в системной связке ключей, а не в файлах Moderator.</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/add_account_dialog.py" line="105"/>
        <source>Platform</source>
        <translation>Платформа</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/add_account_dialog.py" line="116"/>
        <source>Account name</source>
        <translation>Название аккаунта</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/add_account_dialog.py" line="117"/>
        <source>Watch:</source>
        <translation>Отслеживать:</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/add_account_dialog.py" line="159"/>
        <source>Allow access in the browser, then paste the final address here.</source>
        <translation>Разрешите доступ в браузере и вставьте сюда итоговый адрес.</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/add_account_dialog.py" line="166"/>
        <source>Please fill in: %1</source>
        <translation>Заполните: %1</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/add_account_dialog.py" line="171"/>
        <source>Signing in…</source>
        <translation>Вход…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/add_account_dialog.py" line="196"/>
        <source>Could not sign in: %1</source>
        <translation>Не удалось войти: %1</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/add_account_dialog.py" line="210"/>
        <source>Choose at least one thing to watch.</source>
        <translation>Выберите хотя бы одно сообщество для отслеживания.</translation>
    </message>
</context>
<context>
    <name>AuthorCommentRow</name>
    <message>
        <location filename="../../moderator_app/ui/author_panel.py" line="83"/>
        <source>Go to this comment</source>
        <translation>Перейти к этому комментарию</translation>
    </message>
</context>
<context>
    <name>AuthorPanel</name>
    <message>
        <location filename="../../moderator_app/ui/author_panel.py" line="123"/>
        <source>comments</source>
        <translation>всего</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/author_panel.py" line="124"/>
        <source>hidden</source>
        <translation>скрыто</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/author_panel.py" line="125"/>
        <source>approved</source>
        <translation>одобрено</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/author_panel.py" line="126"/>
        <source>flagged</source>
        <translation>отмечено</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/author_panel.py" line="132"/>
        <source>All comments by this author</source>
        <translation>Все комментарии этого автора</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/author_panel.py" line="135"/>
        <source>Show only this author in the inbox (U)</source>
        <translation>Показать во входящих только этого автора (U)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/author_panel.py" line="137"/>
        <source>Latest other comments</source>
        <translation>Другие последние комментарии</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/author_panel.py" line="140"/>
        <source>No other comments from this author yet</source>
        <translation>Других комментариев этого автора пока нет</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/author_panel.py" line="175"/>
        <source>Writes in this account only</source>
        <translation>Пишет только в этом аккаунте</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/author_panel.py" line="177"/>
        <source>Writes in %1 connected accounts</source>
        <translation>Пишет в подключённых аккаунтах: %1</translation>
    </message>
</context>
<context>
    <name>BandSelection</name>
    <message>
        <location filename="../../moderator_app/ui/band_selection.py" line="44"/>
        <source>No comments in this score range</source>
        <translation>В этом диапазоне оценки нет комментариев</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/band_selection.py" line="47"/>
        <source>Showing and selecting scores %1–%2. Clear the score filter to see all.</source>
        <translation>Показаны и выбраны оценки %1–%2. Сбросьте фильтр по оценке, чтобы увидеть все.</translation>
    </message>
</context>
<context>
    <name>BulkBar</name>
    <message>
        <location filename="../../moderator_app/ui/bulk_bar.py" line="27"/>
        <source>Hide</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/bulk_bar.py" line="28"/>
        <source>Approve</source>
        <translation>Одобрить</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/bulk_bar.py" line="29"/>
        <source>Escalate…</source>
        <translation>Эскалировать…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/bulk_bar.py" line="30"/>
        <source>Delete…</source>
        <translation>Удалить…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/bulk_bar.py" line="34"/>
        <source>Shortcut: %1</source>
        <translation>Клавиша: %1</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/bulk_bar.py" line="38"/>
        <source>Score range…</source>
        <translation>По оценке…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/bulk_bar.py" line="40"/>
        <source>Select by toxicity score (Ctrl+Shift+A)</source>
        <translation>Выбрать по оценке токсичности (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/bulk_bar.py" line="42"/>
        <source>Clear</source>
        <translation>Сброс</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/bulk_bar.py" line="44"/>
        <source>Back to one comment (Esc)</source>
        <translation>Вернуться к одному комментарию (Esc)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/bulk_bar.py" line="53"/>
        <source>All matching selected (counting…)</source>
        <translation>Выбраны все подходящие (подсчёт…)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/bulk_bar.py" line="55"/>
        <source>All %1 matching selected</source>
        <translation>Выбраны все: %1</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/bulk_bar.py" line="57"/>
        <source>%1 selected</source>
        <translation>Выбрано: %1</translation>
    </message>
</context>
<context>
    <name>BulkConfirmDialog</name>
    <message>
        <location filename="../../moderator_app/ui/bulk_confirm.py" line="23"/>
        <source>%1 comments</source>
        <translation>%1: комментарии</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/bulk_confirm.py" line="30"/>
        <source>One note for the team, for all of them (optional)</source>
        <translation>Одна заметка для команды ко всем сразу (необязательно)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/bulk_confirm.py" line="37"/>
        <source>%1 %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/bulk_confirm.py" line="38"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>BulkFlow</name>
    <message>
        <location filename="../../moderator_app/ui/bulk_flow.py" line="45"/>
        <source>Still writing the last bulk action: try again in a moment</source>
        <translation>Предыдущее массовое действие ещё записывается: попробуйте чуть позже</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/bulk_flow.py" line="73"/>
        <source>Bulk action cancelled</source>
        <translation>Массовое действие отменено</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/bulk_flow.py" line="87"/>
        <source>Preparing… (Esc cancels)</source>
        <translation>Подготовка… (Esc — отмена)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/bulk_flow.py" line="106"/>
        <source>%1: writing %2 comments…</source>
        <translation>%1: запись комментариев — %2…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/bulk_flow.py" line="121"/>
        <source>%1: %2 of %3 comments written…</source>
        <translation>%1: записано %2 из %3 комментариев…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/bulk_flow.py" line="130"/>
        <source>%1: %2 comments. Ctrl+Z undoes it.</source>
        <translation>%1: комментариев — %2. Ctrl+Z отменяет.</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/bulk_flow.py" line="136"/>
        <source>%1 stopped after %2 of %3 comments: the other %4 were not changed.

%5</source>
        <translation>Действие «%1» остановлено после %2 из %3 комментариев: остальные (%4) не изменены.

%5</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/bulk_flow.py" line="145"/>
        <source>Ctrl+Z takes back the ones written.</source>
        <translation>Ctrl+Z отменит уже записанные.</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/bulk_flow.py" line="147"/>
        <source>%1 failed: see the message</source>
        <translation>Действие «%1» не завершено: см. сообщение</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/bulk_flow.py" line="151"/>
        <source>Bulk action not finished</source>
        <translation>Массовое действие не завершено</translation>
    </message>
</context>
<context>
    <name>BulkText</name>
    <message>
        <location filename="../../moderator_app/ui/bulk_text.py" line="23"/>
        <source>Hide</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/bulk_text.py" line="24"/>
        <source>Approve</source>
        <translation>Одобрить</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/bulk_text.py" line="25"/>
        <source>Escalate</source>
        <translation>Эскалировать</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/bulk_text.py" line="26"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/bulk_text.py" line="34"/>
        <source>%1 cannot hide comments</source>
        <translation>%1 не позволяет скрывать комментарии</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/bulk_text.py" line="35"/>
        <source>%1 cannot delete comments</source>
        <translation>%1 не позволяет удалять комментарии</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/bulk_text.py" line="38"/>
        <source>%1 cannot do this</source>
        <translation>%1 не позволяет это сделать</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/bulk_text.py" line="42"/>
        <source>already hidden</source>
        <translation>уже скрыты</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/bulk_text.py" line="43"/>
        <source>already reviewed</source>
        <translation>уже просмотрены</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/bulk_text.py" line="44"/>
        <source>already escalated</source>
        <translation>уже эскалированы</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/bulk_text.py" line="45"/>
        <source>already done</source>
        <translation>уже сделано</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/bulk_text.py" line="46"/>
        <source>hidden: unhide them instead</source>
        <translation>скрыты: их можно только вернуть</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/bulk_text.py" line="47"/>
        <source>deleted on the platform</source>
        <translation>удалены на платформе</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/bulk_text.py" line="48"/>
        <source>your own replies</source>
        <translation>ваши собственные ответы</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/bulk_text.py" line="56"/>
        <source>%1 on %2</source>
        <translation>%1 в %2</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/bulk_text.py" line="69"/>
        <source>%1 1 comment</source>
        <translation>%1 1 комментарий</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/bulk_text.py" line="74"/>
        <source>None of the selected comments can be changed this way.</source>
        <translation>Ни один из выбранных комментариев нельзя изменить таким образом.</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/bulk_text.py" line="80"/>
        <source>%1 on %2 (%3)</source>
        <translation>%1 в %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/bulk_text.py" line="89"/>
        <source>Skipped %1: </source>
        <translation>Пропущено %1: </translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/bulk_text.py" line="97"/>
        <source>Deleting cannot be undone on the platforms.</source>
        <translation>Удаление на платформах нельзя отменить.</translation>
    </message>
</context>
<context>
    <name>CaptchaDialog</name>
    <message>
        <location filename="../../moderator_app/ui/captcha_dialog.py" line="32"/>
        <source>Captcha</source>
        <translation>Капча</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/captcha_dialog.py" line="37"/>
        <source>%1 asks you to type the characters in the picture.</source>
        <translation>%1 просит ввести символы с картинки.</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/captcha_dialog.py" line="42"/>
        <source>Loading the picture…</source>
        <translation>Загрузка картинки…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/captcha_dialog.py" line="61"/>
        <location filename="../../moderator_app/ui/captcha_dialog.py" line="67"/>
        <location filename="../../moderator_app/ui/captcha_dialog.py" line="78"/>
        <location filename="../../moderator_app/ui/captcha_dialog.py" line="85"/>
        <source>No picture.</source>
        <translation>Картинки нет.</translation>
    </message>
</context>
<context>
    <name>CloudDialog</name>
    <message>
        <location filename="../../moderator_app/ui/cloud_dialog.py" line="39"/>
        <source>Cloud second opinion</source>
        <translation>Второе мнение из облака</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/cloud_dialog.py" line="44"/>
        <source>Optionally ask a cloud service about comments the local model flags. Its opinion is shown as a label; flags and scores stay local. Off by default.</source>
        <translation>По желанию спрашивать облачный сервис о комментариях, которые пометила локальная модель. Его мнение показывается меткой; пометки и оценки остаются локальными. По умолчанию выключено.</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/cloud_dialog.py" line="50"/>
        <source>OpenAI moderation</source>
        <translation>Модерация OpenAI</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/cloud_dialog.py" line="51"/>
        <source>Google Perspective API (retired at the end of 2026)</source>
        <translation>Google Perspective API (закрывается в конце 2026 года)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/cloud_dialog.py" line="56"/>
        <source>Ask for a second opinion</source>
        <translation>Спрашивать второе мнение</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/cloud_dialog.py" line="72"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/cloud_dialog.py" line="73"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/cloud_dialog.py" line="88"/>
        <source>Key saved (type to replace)</source>
        <translation>Ключ сохранён (введите новый, чтобы заменить)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/cloud_dialog.py" line="88"/>
        <source>API key</source>
        <translation>Ключ API</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../../moderator_app/ui/composer.py" line="21"/>
        <source>Write a reply…  Ctrl+Enter to send</source>
        <translation>Напишите ответ…  Ctrl+Enter — отправить</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/composer.py" line="26"/>
        <source>Send reply</source>
        <translation>Отправить</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/composer.py" line="64"/>
        <source>Reply queued — it will be sent in the background</source>
        <translation>Ответ в очереди — он будет отправлен в фоне</translation>
    </message>
</context>
<context>
    <name>ContextCard</name>
    <message>
        <location filename="../../moderator_app/ui/thread_context.py" line="86"/>
        <source>Go to this comment</source>
        <translation>Перейти к этому комментарию</translation>
    </message>
</context>
<context>
    <name>DateRangeDialog</name>
    <message>
        <location filename="../../moderator_app/ui/filter_range_dialogs.py" line="47"/>
        <source>Date range</source>
        <translation>Период</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/filter_range_dialogs.py" line="48"/>
        <source>Show comments written between these days:</source>
        <translation>Показать комментарии, написанные в эти дни:</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/filter_range_dialogs.py" line="53"/>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/filter_range_dialogs.py" line="54"/>
        <source>To</source>
        <translation>По</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../moderator_app/ui/detail_pane.py" line="124"/>
        <source>Select a comment to see it here</source>
        <translation>Выберите комментарий, чтобы увидеть его здесь</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/detail_pane.py" line="138"/>
        <source>Open on platform</source>
        <translation>Открыть на платформе</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/detail_pane.py" line="153"/>
        <source>Thread</source>
        <translation>Обсуждение</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/detail_pane.py" line="154"/>
        <source>Activity</source>
        <translation>История</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/detail_pane.py" line="155"/>
        <source>Author</source>
        <translation>Автор</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/detail_pane.py" line="291"/>
        <source>Unknown author</source>
        <translation>Неизвестный автор</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/detail_pane.py" line="297"/>
        <source>edited</source>
        <translation>изменён</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/detail_pane.py" line="302"/>
        <source>On: %1</source>
        <translation>К посту: %1</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/detail_pane.py" line="330"/>
        <source>Not scored yet</source>
        <translation>Ещё не оценён</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/detail_pane.py" line="331"/>
        <source>Score %1</source>
        <translation>Оценка %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../moderator_app/ui/detail_pane.py" line="335"/>
        <source>marked passages: %n</source>
        <translation>
            <numerusform>отмечен %n фрагмент</numerusform>
            <numerusform>отмечено %n фрагмента</numerusform>
            <numerusform>отмечено %n фрагментов</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/detail_pane.py" line="337"/>
        <source>scorer: %1</source>
        <translation>модель: %1</translation>
    </message>
</context>
<context>
    <name>Display</name>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="53"/>
        <source>now</source>
        <translation>сейчас</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="56"/>
        <source>%1 min</source>
        <translation>%1 мин</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="73"/>
        <source>Toxic</source>
        <translation>Токсично</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="75"/>
        <source>Review</source>
        <translation>Проверить</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="77"/>
        <source>OK</source>
        <translation>Норма</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="78"/>
        <source>Scoring</source>
        <translation>Оценка…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="83"/>
        <source>New</source>
        <translation>Новый</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="84"/>
        <source>Reviewed</source>
        <translation>Просмотрен</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="85"/>
        <source>Replied</source>
        <translation>Отвечен</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="86"/>
        <source>Hidden</source>
        <translation>Скрыт</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="87"/>
        <source>Escalated</source>
        <translation>Эскалирован</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="94"/>
        <source>Visible</source>
        <translation>Виден</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="95"/>
        <source>Hidden on platform</source>
        <translation>Скрыт на платформе</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="96"/>
        <source>Held for review</source>
        <translation>На проверке платформы</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="97"/>
        <source>Deleted</source>
        <translation>Удалён</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="104"/>
        <source>Reply</source>
        <translation>Ответить</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="105"/>
        <source>Hide</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="106"/>
        <source>Unhide</source>
        <translation>Вернуть</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="107"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="108"/>
        <source>Report</source>
        <translation>Пожаловаться</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="109"/>
        <source>Escalate</source>
        <translation>Эскалировать</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="116"/>
        <source>pending</source>
        <translation>в очереди</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="117"/>
        <source>sending</source>
        <translation>отправляется</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="118"/>
        <source>done</source>
        <translation>выполнено</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/display.py" line="119"/>
        <source>failed</source>
        <translation>ошибка</translation>
    </message>
</context>
<context>
    <name>EscalateDialog</name>
    <message>
        <location filename="../../moderator_app/ui/escalate_dialog.py" line="21"/>
        <source>Escalate comment</source>
        <translation>Эскалация комментария</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/escalate_dialog.py" line="23"/>
        <source>Hand the comment by %1 to a colleague. What should they know?</source>
        <translation>Передать комментарий автора %1 коллеге. Что ему нужно знать?</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/escalate_dialog.py" line="27"/>
        <source>Note for the team (optional)</source>
        <translation>Заметка для команды (необязательно)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/escalate_dialog.py" line="28"/>
        <source>Escalate</source>
        <translation>Эскалировать</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/escalate_dialog.py" line="28"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>EscalationRow</name>
    <message>
        <location filename="../../moderator_app/ui/action_history.py" line="67"/>
        <source>Escalated (open)</source>
        <translation>Эскалация (открыта)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/action_history.py" line="69"/>
        <source>Escalated (resolved)</source>
        <translation>Эскалация (решена)</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../moderator_app/ui/filter_bar.py" line="77"/>
        <source>All platforms</source>
        <translation>Все платформы</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/filter_bar.py" line="77"/>
        <source>Platform</source>
        <translation>Сеть</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/filter_bar.py" line="81"/>
        <source>All accounts</source>
        <translation>Все аккаунты</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/filter_bar.py" line="81"/>
        <source>Account</source>
        <translation>Аккаунт</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/filter_bar.py" line="83"/>
        <source>Only one connected account</source>
        <translation>Только один подключённый аккаунт</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/filter_bar.py" line="87"/>
        <source>Any score</source>
        <translation>Любая оценка</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/filter_bar.py" line="88"/>
        <source>Score ≥ %1</source>
        <translation>Оценка ≥ %1</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/filter_bar.py" line="89"/>
        <location filename="../../moderator_app/ui/filter_bar.py" line="261"/>
        <source>Custom range…</source>
        <translation>Свой диапазон…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/filter_bar.py" line="91"/>
        <source>Score</source>
        <translation>Оценка</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/filter_bar.py" line="96"/>
        <source>Any state</source>
        <translation>Любое состояние</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/filter_bar.py" line="97"/>
        <source>New</source>
        <translation>Новый</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/filter_bar.py" line="98"/>
        <source>Reviewed</source>
        <translation>Просмотрен</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/filter_bar.py" line="99"/>
        <source>Replied</source>
        <translation>Отвечен</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/filter_bar.py" line="100"/>
        <source>Hidden</source>
        <translation>Скрыт</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/filter_bar.py" line="101"/>
        <source>Escalated</source>
        <translation>Эскалирован</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/filter_bar.py" line="102"/>
        <source>Failed action</source>
        <translation>Ошибка действия</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/filter_bar.py" line="104"/>
        <source>State</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/filter_bar.py" line="109"/>
        <source>Any time</source>
        <translation>За всё время</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/filter_bar.py" line="110"/>
        <source>Last hour</source>
        <translation>За час</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/filter_bar.py" line="111"/>
        <source>Last 24 h</source>
        <translation>За 24 часа</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/filter_bar.py" line="112"/>
        <source>Last 7 days</source>
        <translation>За 7 дней</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/filter_bar.py" line="113"/>
        <location filename="../../moderator_app/ui/filter_bar.py" line="301"/>
        <source>Custom dates…</source>
        <translation>Свои даты…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/filter_bar.py" line="115"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/filter_bar.py" line="120"/>
        <source>Any language</source>
        <translation>Любой язык</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/filter_bar.py" line="121"/>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/filter_bar.py" line="122"/>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/filter_bar.py" line="124"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/filter_bar.py" line="129"/>
        <source>Newest first</source>
        <translation>Сначала новые</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/filter_bar.py" line="130"/>
        <source>Oldest first</source>
        <translation>Сначала старые</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/filter_bar.py" line="131"/>
        <source>Highest risk first</source>
        <translation>Сначала опасные</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/filter_bar.py" line="134"/>
        <source>Sort order (S)</source>
        <translation>Порядок (S)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/filter_bar.py" line="139"/>
        <source>Clear</source>
        <translation>Сброс</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/filter_bar.py" line="145"/>
        <source>Save view…</source>
        <translation>Сохранить вид…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/filter_bar.py" line="144"/>
        <source>Save these filters in the sidebar (Ctrl+S)</source>
        <translation>Сохранить эти фильтры в боковой панели (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/filter_bar.py" line="205"/>
        <source>Author: %1  ✕</source>
        <translation>Автор: %1  ✕</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/filter_bar.py" line="208"/>
        <source>Thread: %1  ✕</source>
        <translation>Ветка: %1  ✕</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/filter_bar.py" line="269"/>
        <source>Score %1–%2</source>
        <translation>Оценка %1–%2</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/filter_bar.py" line="328"/>
        <source>Remove this filter</source>
        <translation>Убрать этот фильтр</translation>
    </message>
</context>
<context>
    <name>FilterCommands</name>
    <message>
        <location filename="../../moderator_app/ui/filter_commands.py" line="39"/>
        <source>This comment is not in the inbox</source>
        <translation>Этого комментария нет во входящих</translation>
    </message>
</context>
<context>
    <name>FlaggingDialog</name>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="67"/>
        <source>Flagging: %1</source>
        <translation>Пометки: %1</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="72"/>
        <source>How comments from %1 are flagged. Moderator learns from your decisions here: hiding a comment marks it toxic, approving a flagged one marks it fine.</source>
        <translation>Как помечаются комментарии аккаунта %1. Moderator учится на ваших решениях: скрытый комментарий считается токсичным, одобренный помеченный — нормальным.</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="80"/>
        <source>Learn from my decisions</source>
        <translation>Учиться на моих решениях</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="84"/>
        <source>Undo last change</source>
        <translation>Отменить последнее изменение</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="88"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="105"/>
        <source>Save thresholds</source>
        <translation>Сохранить пороги</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="108"/>
        <source>Thresholds</source>
        <translation>Пороги</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="110"/>
        <source>Review from</source>
        <translation>На проверку от</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="111"/>
        <source>Toxic from</source>
        <translation>Токсично от</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="119"/>
        <source>What the last change did</source>
        <translation>Что изменило последнее обновление</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="123"/>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="163"/>
        <source>No visible change</source>
        <translation>Видимых изменений нет</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="175"/>
        <source>Flags follow the base model. After 20 of your decisions (some hidden, some approved) Moderator adjusts them to this account.</source>
        <translation>Пометки следуют базовой модели. После 20 ваших решений (и скрытых, и одобренных) Moderator подстроит их под этот аккаунт.</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="180"/>
        <source>Thresholds set by hand; nothing learned yet.</source>
        <translation>Пороги заданы вручную; обучения ещё не было.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="183"/>
        <source>Adjusted to this account. Decisions learned from: %n</source>
        <translation>
            <numerusform>Подстроено под этот аккаунт. Учтено решений: %n</numerusform>
            <numerusform>Подстроено под этот аккаунт. Учтено решений: %n</numerusform>
            <numerusform>Подстроено под этот аккаунт. Учтено решений: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="185"/>
        <source>(%1 hidden, %2 approved).</source>
        <translation>(скрыто: %1, одобрено: %2).</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="195"/>
        <source>thresholds set by hand</source>
        <translation>пороги заданы вручную</translation>
    </message>
    <message numerus="yes">
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="197"/>
        <source>learned, decisions: %n</source>
        <translation>
            <numerusform>выучено, решений: %n</numerusform>
            <numerusform>выучено, решений: %n</numerusform>
            <numerusform>выучено, решений: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="198"/>
        <source>Version %1 · %2 · %3</source>
        <translation>Версия %1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="201"/>
        <source>(in force)</source>
        <translation>(действует)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="203"/>
        <source>(undone)</source>
        <translation>(отменена)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="209"/>
        <source>Review threshold %1 → %2</source>
        <translation>Порог проверки %1 → %2</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="214"/>
        <source>Toxic threshold %1 → %2</source>
        <translation>Порог токсичности %1 → %2</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="219"/>
        <source>Learned corrections removed: flags follow the base model again</source>
        <translation>Выученные поправки убраны: пометки снова следуют базовой модели</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="222"/>
        <source>Learned: words labelled “%1” are usually fine here (%2)</source>
        <translation>Выучено: слова с меткой «%1» здесь обычно допустимы (%2)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="224"/>
        <source>Learned: words labelled “%1” are usually hidden here (%2)</source>
        <translation>Выучено: слова с меткой «%1» здесь обычно скрывают (%2)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="228"/>
        <source>Learned: “%1” is usually fine here (%2)</source>
        <translation>Выучено: «%1» здесь обычно допустимо (%2)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="230"/>
        <source>Learned: “%1” is usually hidden here (%2)</source>
        <translation>Выучено: «%1» здесь обычно скрывают (%2)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/calibration_dialog.py" line="258"/>
        <source>Review must be below toxic</source>
        <translation>Порог проверки должен быть ниже порога токсичности</translation>
    </message>
</context>
<context>
    <name>InboxModel</name>
    <message>
        <location filename="../../moderator_app/ui/inbox_model.py" line="808"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/inbox_model.py" line="809"/>
        <source>Platform</source>
        <translation>Сеть</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/inbox_model.py" line="810"/>
        <source>Account</source>
        <translation>Аккаунт</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/inbox_model.py" line="811"/>
        <source>Author</source>
        <translation>Автор</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/inbox_model.py" line="812"/>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/inbox_model.py" line="813"/>
        <source>Toxicity</source>
        <translation>Токсичность</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/inbox_cells.py" line="143"/>
        <source>actions queued: %1</source>
        <translation>действий в очереди: %1</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/inbox_cells.py" line="146"/>
        <source>actions failed: %1</source>
        <translation>действий с ошибкой: %1</translation>
    </message>
</context>
<context>
    <name>InboxToolbar</name>
    <message>
        <location filename="../../moderator_app/ui/inbox_toolbar.py" line="20"/>
        <source>All comments</source>
        <translation>Все комментарии</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/inbox_toolbar.py" line="24"/>
        <source>Search comments   /</source>
        <translation>Поиск комментариев   /</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/inbox_toolbar.py" line="29"/>
        <source>All levels</source>
        <translation>Все уровни</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/inbox_toolbar.py" line="30"/>
        <source>Review and toxic</source>
        <translation>На проверку и токсичные</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/inbox_toolbar.py" line="31"/>
        <source>Toxic only</source>
        <translation>Только токсичные</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/inbox_toolbar.py" line="65"/>
        <source>counting…</source>
        <translation>подсчёт…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="401"/>
        <source>No comments match the search.</source>
        <translation>Нет комментариев по этому запросу.</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="403"/>
        <source>Nothing here. New comments appear as the accounts sync.</source>
        <translation>Здесь пусто. Новые комментарии появятся после синхронизации аккаунтов.</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="405"/>
        <source>No comments yet. They appear here as soon as the accounts sync.</source>
        <translation>Комментариев пока нет. Они появятся здесь сразу после синхронизации аккаунтов.</translation>
    </message>
</context>
<context>
    <name>ModerationActions</name>
    <message>
        <location filename="../../moderator_app/ui/moderation.py" line="332"/>
        <source>The bulk action is still being written: undo it once it is done</source>
        <translation>Массовое действие ещё записывается: отмените его, когда запись закончится</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/moderation.py" line="335"/>
        <location filename="../../moderator_app/ui/moderation.py" line="421"/>
        <source>Nothing to undo</source>
        <translation>Нечего отменять</translation>
    </message>
    <message numerus="yes">
        <location filename="../../moderator_app/ui/moderation.py" line="350"/>
        <source>Undoing %n comment(s)…</source>
        <translation>
            <numerusform>Отмена для %n комментария…</numerusform>
            <numerusform>Отмена для %n комментариев…</numerusform>
            <numerusform>Отмена для %n комментариев…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/moderation.py" line="363"/>
        <source>Could not undo: %1</source>
        <translation>Не удалось отменить: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../moderator_app/ui/moderation.py" line="378"/>
        <source>Undone: approval of %n comment(s)</source>
        <translation>
            <numerusform>Отменено одобрение %n комментария</numerusform>
            <numerusform>Отменено одобрение %n комментариев</numerusform>
            <numerusform>Отменено одобрение %n комментариев</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/moderation.py" line="380"/>
        <source>Nothing to undo: the comment changed since</source>
        <translation>Нечего отменять: комментарий с тех пор изменился</translation>
    </message>
    <message numerus="yes">
        <location filename="../../moderator_app/ui/moderation.py" line="384"/>
        <source>Undone: %n escalation(s)</source>
        <translation>
            <numerusform>Отменена %n эскалация</numerusform>
            <numerusform>Отменены %n эскалации</numerusform>
            <numerusform>Отменено %n эскалаций</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../moderator_app/ui/moderation.py" line="425"/>
        <source>Undone: %1 of %n comment(s), not sent yet</source>
        <translation>
            <numerusform>Отменено «%1» для %n комментария, ещё не отправлено</numerusform>
            <numerusform>Отменено «%1» для %n комментариев, ещё не отправлено</numerusform>
            <numerusform>Отменено «%1» для %n комментариев, ещё не отправлено</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../moderator_app/ui/moderation.py" line="431"/>
        <source>already hidden on the platform: unhide queued for %n</source>
        <translation>
            <numerusform>уже скрыт на платформе: возврат поставлен в очередь для %n</numerusform>
            <numerusform>уже скрыты на платформе: возврат поставлен в очередь для %n</numerusform>
            <numerusform>уже скрыты на платформе: возврат поставлен в очередь для %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../moderator_app/ui/moderation.py" line="435"/>
        <source>%n already sent or being sent and cannot be taken back</source>
        <translation>
            <numerusform>%n уже отправлено или отправляется, его не вернуть</numerusform>
            <numerusform>%n уже отправлены или отправляются, их не вернуть</numerusform>
            <numerusform>%n уже отправлены или отправляются, их не вернуть</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RangeDialog</name>
    <message>
        <location filename="../../moderator_app/ui/filter_range_dialogs.py" line="37"/>
        <source>Apply</source>
        <translation>Применить</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/filter_range_dialogs.py" line="38"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>SavedViews</name>
    <message>
        <location filename="../../moderator_app/ui/saved_views.py" line="25"/>
        <source>Save view</source>
        <translation>Сохранить вид</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/saved_views.py" line="26"/>
        <location filename="../../moderator_app/ui/saved_views.py" line="42"/>
        <source>Name of the view:</source>
        <translation>Название вида:</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/saved_views.py" line="34"/>
        <source>Saved view “%1”</source>
        <translation>Вид «%1» сохранён</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/saved_views.py" line="42"/>
        <source>Rename view</source>
        <translation>Переименовать вид</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/saved_views.py" line="53"/>
        <source>Delete the saved view “%1”? Comments are not affected.</source>
        <translation>Удалить сохранённый вид «%1»? Комментарии не затрагиваются.</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/saved_views.py" line="55"/>
        <source>Delete view</source>
        <translation>Удалить вид</translation>
    </message>
</context>
<context>
    <name>ScoreBoundsDialog</name>
    <message>
        <location filename="../../moderator_app/ui/filter_range_dialogs.py" line="76"/>
        <source>Score range</source>
        <translation>Диапазон оценки</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/filter_range_dialogs.py" line="77"/>
        <source>Show comments whose toxicity score is between:</source>
        <translation>Показать комментарии с оценкой токсичности в пределах:</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/filter_range_dialogs.py" line="82"/>
        <source>Lowest</source>
        <translation>От</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/filter_range_dialogs.py" line="83"/>
        <source>Highest</source>
        <translation>До</translation>
    </message>
</context>
<context>
    <name>ScoreRangeDialog</name>
    <message>
        <location filename="../../moderator_app/ui/score_range_dialog.py" line="81"/>
        <source>Select score range</source>
        <translation>Выбор по диапазону оценки</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/score_range_dialog.py" line="88"/>
        <source>Show and select every comment in the current view whose toxicity score is in:</source>
        <translation>Показать и выбрать все комментарии текущего вида с оценкой токсичности в пределах:</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/score_range_dialog.py" line="96"/>
        <source>Select</source>
        <translation>Выбрать</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/score_range_dialog.py" line="96"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/score_range_dialog.py" line="121"/>
        <location filename="../../moderator_app/ui/score_range_dialog.py" line="126"/>
        <source>counting…</source>
        <translation>подсчёт…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/score_range_dialog.py" line="132"/>
        <source>%1 comments in this range</source>
        <translation>Комментариев в этом диапазоне: %1</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../../moderator_app/ui/sidebar.py" line="195"/>
        <source>Accounts…</source>
        <translation>Аккаунты…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/sidebar.py" line="281"/>
        <source>Rename…</source>
        <translation>Переименовать…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/sidebar.py" line="284"/>
        <source>Delete…</source>
        <translation>Удалить…</translation>
    </message>
</context>
<context>
    <name>SidebarModel</name>
    <message numerus="yes">
        <location filename="../../moderator_app/ui/sidebar_model.py" line="114"/>
        <source>%n unread</source>
        <translation>
            <numerusform>%n непрочитанный</numerusform>
            <numerusform>%n непрочитанных</numerusform>
            <numerusform>%n непрочитанных</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../moderator_app/ui/sidebar_model.py" line="116"/>
        <source>%n flagged</source>
        <translation>
            <numerusform>%n помеченный</numerusform>
            <numerusform>%n помеченных</numerusform>
            <numerusform>%n помеченных</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/sidebar_model.py" line="183"/>
        <source>Inbox</source>
        <translation>Входящие</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/sidebar_model.py" line="187"/>
        <source>All comments</source>
        <translation>Все комментарии</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/sidebar_model.py" line="194"/>
        <source>Flagged</source>
        <translation>Помеченные</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/sidebar_model.py" line="201"/>
        <source>Toxic</source>
        <translation>Токсично</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/sidebar_model.py" line="209"/>
        <source>Saved views</source>
        <translation>Сохранённые виды</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/sidebar_model.py" line="220"/>
        <source>Accounts</source>
        <translation>Аккаунты</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message numerus="yes">
        <location filename="../../moderator_app/ui/status_bar.py" line="104"/>
        <source>%n pending</source>
        <translation>
            <numerusform>%n в очереди</numerusform>
            <numerusform>%n в очереди</numerusform>
            <numerusform>%n в очереди</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../moderator_app/ui/status_bar.py" line="106"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n с ошибкой</numerusform>
            <numerusform>%n с ошибкой</numerusform>
            <numerusform>%n с ошибкой</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../moderator_app/ui/status_bar.py" line="140"/>
        <source>+%n more</source>
        <translation>
            <numerusform>ещё %n</numerusform>
            <numerusform>ещё %n</numerusform>
            <numerusform>ещё %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status_bar.py" line="151"/>
        <source>Solve the captcha for %1…</source>
        <translation>Ввести капчу для %1…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status_bar.py" line="153"/>
        <source>%1 needs your attention…</source>
        <translation>%1 требует внимания…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status_bar.py" line="169"/>
        <source>waiting</source>
        <translation>ожидание</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status_bar.py" line="172"/>
        <source>syncing…</source>
        <translation>синхронизация…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status_bar.py" line="173"/>
        <source>idle</source>
        <translation>простаивает</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status_bar.py" line="174"/>
        <source>needs sign-in</source>
        <translation>нужен вход</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status_bar.py" line="175"/>
        <source>needs your attention</source>
        <translation>требует внимания</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status_bar.py" line="176"/>
        <source>rate limited</source>
        <translation>лимит запросов</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status_bar.py" line="177"/>
        <source>backing off</source>
        <translation>пауза после ошибок</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status_bar.py" line="180"/>
        <source>up to date</source>
        <translation>актуально</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status_bar.py" line="182"/>
        <source>synced %1</source>
        <translation>синхр. %1</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status_bar.py" line="184"/>
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status_bar.py" line="185"/>
        <source>error: %1</source>
        <translation>ошибка: %1</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status_bar.py" line="190"/>
        <source>%1, retry at %2</source>
        <translation>%1, повтор в %2</translation>
    </message>
</context>
<context>
    <name>ThreadContext</name>
    <message>
        <location filename="../../moderator_app/ui/thread_context.py" line="132"/>
        <source>Post</source>
        <translation>Пост</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/thread_context.py" line="143"/>
        <source>Other replies to the same comment (%1)</source>
        <translation>Другие ответы на тот же комментарий (%1)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/thread_context.py" line="186"/>
        <source>this comment · %1</source>
        <translation>этот комментарий · %1</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/thread_context.py" line="183"/>
        <source>You</source>
        <translation>Вы</translation>
    </message>
</context>
<context>
    <name>Triage</name>
    <message>
        <location filename="../../moderator_app/ui/triage.py" line="45"/>
        <source>Delete this comment on the platform? This cannot be undone.</source>
        <translation>Удалить этот комментарий на платформе? Это нельзя отменить.</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/triage.py" line="47"/>
        <source>Delete comment</source>
        <translation>Удаление комментария</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/triage.py" line="99"/>
        <source>No unreviewed comments left in this view</source>
        <translation>В этом виде не осталось непросмотренных комментариев</translation>
    </message>
</context>
<context>
    <name>ViewRefresh</name>
    <message>
        <location filename="../../moderator_app/ui/view_refresh.py" line="65"/>
        <source>Flagging for %1 learned from your decisions: %2</source>
        <translation>Пометки для %1 учли ваши решения: %2</translation>
    </message>
</context>
<context>
    <name>WindowKeys</name>
    <message>
        <location filename="../../moderator_app/ui/window_keys.py" line="26"/>
        <source>Next comment</source>
        <translation>Следующий комментарий</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/window_keys.py" line="31"/>
        <source>Previous comment</source>
        <translation>Предыдущий комментарий</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/window_keys.py" line="42"/>
        <source>Reply</source>
        <translation>Ответить</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/window_keys.py" line="43"/>
        <source>Hide or unhide</source>
        <translation>Скрыть или вернуть</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/window_keys.py" line="44"/>
        <source>Escalate</source>
        <translation>Эскалировать</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/window_keys.py" line="45"/>
        <source>Approve</source>
        <translation>Одобрить</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/window_keys.py" line="46"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/window_keys.py" line="33"/>
        <source>Next unreviewed comment</source>
        <translation>Следующий непросмотренный комментарий</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/window_keys.py" line="47"/>
        <source>Undo the last action</source>
        <translation>Отменить последнее действие</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/window_keys.py" line="62"/>
        <source>Select score range…</source>
        <translation>Выбрать диапазон оценки…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/window_keys.py" line="53"/>
        <source>Only this author</source>
        <translation>Только этот автор</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/window_keys.py" line="54"/>
        <source>Only this thread</source>
        <translation>Только эта ветка</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/window_keys.py" line="55"/>
        <source>Sort: newest, oldest, risk</source>
        <translation>Сортировка: новые, старые, опасные</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/window_keys.py" line="34"/>
        <source>Filters</source>
        <translation>Фильтры</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/window_keys.py" line="57"/>
        <source>Clear all filters</source>
        <translation>Сбросить все фильтры</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/window_keys.py" line="69"/>
        <source>Save the view</source>
        <translation>Сохранить вид</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/window_keys.py" line="70"/>
        <source>Rename the saved view</source>
        <translation>Переименовать сохранённый вид</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/window_keys.py" line="74"/>
        <source>Delete the saved view</source>
        <translation>Удалить сохранённый вид</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/window_keys.py" line="80"/>
        <source>Saved view %1</source>
        <translation>Сохранённый вид %1</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/window_keys.py" line="35"/>
        <source>Search</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/window_keys.py" line="36"/>
        <source>Back to the list</source>
        <translation>Назад к списку</translation>
    </message>
</context>
<context>
    <name>_Counted</name>
    <message numerus="yes">
        <location filename="../../moderator_app/ui/bulk_text.py" line="14"/>
        <source>%1 %Ln comments</source>
        <translation>
            <numerusform>%1 %Ln комментарий</numerusform>
            <numerusform>%1 %Ln комментария</numerusform>
            <numerusform>%1 %Ln комментариев</numerusform>
        </translation>
    </message>
</context>
</TS>
