;;; eglot-test.el --- `mml lsp' in Emacs with eglot, in batch mode  -*- lexical-binding: t -*-
;;
;; Opens a script with a misspelt builtin the way Docs/editors.md sets Emacs up, starts eglot
;; and waits for the server's diagnostics to reach Flymake. Scripts/test-lsp runs it:
;;   MML=.build/debug/mml emacs --batch -l Tests/LanguageServer/eglot-test.el
;; (not -Q: Debian's site start-up is what puts elpa-eglot on the load path).
;; It prints what Flymake shows and exits 0 when the diagnostic arrived, 1 otherwise.

(require 'eglot)
(require 'flymake)

;; The set-up of Docs/editors.md (a major mode for .mml files, eglot told how to start MML).
(define-derived-mode mml-mode prog-mode "MML"
  (setq-local comment-start "# "))
(add-to-list 'auto-mode-alist '("\\.mml\\'" . mml-mode))
(add-to-list 'eglot-server-programs `(mml-mode . (,(or (getenv "MML") "mml") "lsp")))

(let* ((folder (make-temp-file "mml-eglot" t))
       (file (expand-file-name "typo.mml" folder))
       (found nil))
  (with-temp-file file (insert "x = 2\ny = sqr(x)\n"))
  (find-file file)
  ;; A folder outside version control is a project of its own.
  (let ((project-find-functions (list (lambda (dir) (cons 'transient dir)))))
    (eglot-ensure)
    (run-hooks 'post-command-hook)  ; eglot-ensure connects after the command loop's next command
    (let ((deadline (+ (float-time) 20)))
      (while (and (not found) (< (float-time) deadline))
        (accept-process-output nil 0.1)
        (setq found (flymake-diagnostics)))))
  (dolist (d found)
    (message "flymake: line %d: %s" (line-number-at-pos (flymake-diagnostic-beg d)) (flymake-diagnostic-text d)))
  (let ((ok (seq-some (lambda (d) (string-match-p "unknown name `sqr'\\|unknown name `sqr`" (flymake-diagnostic-text d))) found)))
    (ignore-errors (eglot-shutdown (eglot-current-server)))
    (delete-directory folder t)
    (kill-emacs (if ok 0 1))))
